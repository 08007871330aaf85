using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace AuditDashboard.IntegrationTests.Infrastructure;

/// <summary>
/// The web app as a process of its own (the built AuditDashboard.Web.dll) on 127.0.0.1 and a port the OS picks, as one
/// of several instances behind a load balancer would run; killed, not stopped, when the test says so or at the end.
/// </summary>
public sealed partial class WebProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WebProcess(Process process) => _process = process;

    public Uri Address { get; private set; } = default!;
    public int ProcessId => _process.Id;
    public string Output { get { lock (_output) return _output.ToString(); } }

    [GeneratedRegex(@"Now listening on: (https?://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();

    public static async Task<WebProcess> StartAsync(TestStore store, IReadOnlyDictionary<string, string>? settings = null, string urls = "http://127.0.0.1:0")
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = store.Folder,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "AuditDashboard.Web.dll"), "--contentRoot", RepoRoot.Path, "--urls", urls })
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // A home of its own, as on another host: nothing is shared through ~/.aspnet (the default key ring) or other files.
        var home = Path.Combine(store.Folder, "home-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(home);
        start.Environment["HOME"] = home;
        start.Environment["Logging__LogLevel__Default"] = "Information";
        start.Environment["Demo__SeedOnEmpty"] = "false";
        start.Environment["Integrity__SigningKeyPath"] = LogKeys.Ensure(store.Folder);
        start.Environment["Reports__DevelopmentCertificatePath"] = Path.Combine(store.Folder, "report-signing.pfx");
        foreach (var (key, value) in store.Settings) if (value is not null) start.Environment[key.Replace(":", "__")] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key.Replace(":", "__")] = value;

        var web = new WebProcess(Process.Start(start)!);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(string? line)
        {
            if (line is null) return;
            lock (web._output) web._output.AppendLine(line);
            if (Listening().Match(line) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value));
        }
        web._process.OutputDataReceived += (_, e) => Read(e.Data);
        web._process.ErrorDataReceived += (_, e) => Read(e.Data);
        web._process.BeginOutputReadLine();
        web._process.BeginErrorReadLine();
        var started = await Task.WhenAny(listening.Task, web._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(2)));
        if (started != listening.Task)
        {
            await web.DisposeAsync();
            throw new InvalidOperationException($"the web app did not start:\n{web.Output}");
        }
        web.Address = listening.Task.Result;
        return web;
    }

    public HttpClient Client(string? apiKey = null, HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = Address;
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Ends the process at once, as a crash or an OOM kill would: no shutdown, no lease released.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
