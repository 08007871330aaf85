using System.Diagnostics;
using System.Globalization;
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

    private OidcProviderProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    /// <summary>What the provider wrote to stderr (forwarder refusals, errors), for failure messages.</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>Starts the provider on <paramref name="port"/> (its issuer must be known to the dashboard before either starts).</summary>
    public static async Task<OidcProviderProcess> StartAsync(string dashboardUrl, int port, string? shopUrl = null, string? ingestUrl = null, string? apiKey = null)
    {
        // Run from the source folder, where test.sh ran `npm ci`.
        var script = Path.Combine(RepoRoot(), "tests", "AuditDashboard.E2E", "oidc", "provider.mjs");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(script)! };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(dashboardUrl);
        if (shopUrl is not null) start.ArgumentList.Add(shopUrl);
        if (ingestUrl is not null && apiKey is not null)
        {
            start.Environment["AUDITDASH_INGEST_URL"] = ingestUrl;
            start.Environment["AUDITDASH_API_KEY"] = apiKey;
        }
        var provider = new OidcProviderProcess(Process.Start(start)!, $"http://127.0.0.1:{port}");
        var ready = new TaskCompletionSource();
        provider._process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("listening") == true) ready.TrySetResult(); };
        provider._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (provider._log) provider._log.AppendLine(e.Data); };
        provider._process.BeginOutputReadLine();
        provider._process.BeginErrorReadLine();
        var exited = provider._process.WaitForExitAsync();
        if (await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(30))) != ready.Task)
        {
            await provider.DisposeAsync();
            throw new InvalidOperationException($"oidc-provider did not start (run ./test.sh, which installs tests/AuditDashboard.E2E/oidc): {provider.Log}");
        }
        return provider;
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
