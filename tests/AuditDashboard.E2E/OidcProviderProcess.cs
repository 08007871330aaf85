using System.Diagnostics;
using System.Text;

namespace AuditDashboard.E2E;

/// <summary>
/// npm oidc-provider (tests/AuditDashboard.E2E/oidc/provider.mjs, installed by test.sh) as a child process on
/// 127.0.0.1; with an ingest URL and key its forwarder posts the provider's events to the dashboard. Killed on dispose.
/// </summary>
public sealed class OidcProviderProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private OidcProviderProcess(Process process, string configFile)
    {
        _process = process;
        _configFile = configFile;
    }

    private readonly string _configFile;

    /// <summary>The issuer, on the port the system gave the provider.</summary>
    public string Url { get; private set; } = "";

    /// <summary>What the provider wrote to stderr (forwarder refusals, errors), for failure messages.</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>
    /// Starts the provider on a port the system picks and returns once it listens. Its clients and forwarding target
    /// are named afterwards with <see cref="Configure"/>, once the servers that need the provider's address are up.
    /// </summary>
    public static async Task<OidcProviderProcess> StartAsync(string folder)
    {
        // Run from the source folder, where test.sh ran `npm ci`.
        var script = Path.Combine(RepoRoot(), "tests", "AuditDashboard.E2E", "oidc", "provider.mjs");
        var configFile = Path.Combine(folder, "oidc-provider.json");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(script)! };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(configFile);
        var provider = new OidcProviderProcess(Process.Start(start)!, configFile);
        var ready = new TaskCompletionSource<string>();
        provider._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.IndexOf("listening on ", StringComparison.Ordinal) is var at and >= 0) ready.TrySetResult(line[(at + 13)..].Trim());
        };
        provider._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (provider._log) provider._log.AppendLine(e.Data); };
        provider._process.BeginOutputReadLine();
        provider._process.BeginErrorReadLine();
        var exited = provider._process.WaitForExitAsync();
        if (await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(30))) != ready.Task)
        {
            await provider.DisposeAsync();
            throw new InvalidOperationException($"oidc-provider did not start (run ./test.sh, which installs tests/AuditDashboard.E2E/oidc): {provider.Log}");
        }
        provider.Url = await ready.Task;
        return provider;
    }

    /// <summary>Names the provider's clients (by their addresses) and, with an ingest URL and key, where it forwards its events.</summary>
    public void Configure(string dashboardUrl, string? shopUrl = null, string? ingestUrl = null, string? apiKey = null)
    {
        var temp = _configFile + ".tmp";
        File.WriteAllText(temp, System.Text.Json.JsonSerializer.Serialize(new { dashboardUrl, shopUrl, ingestUrl, apiKey }));
        File.Move(temp, _configFile, overwrite: true);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AuditDashboard.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("AuditDashboard.sln not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
