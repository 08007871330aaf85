using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AuditDashboard.Benchmarks;

/// <summary>Web app processes (the built AuditDashboard.Web.dll) on one database, each on its own loopback port; killed at the end.</summary>
public sealed partial class WebInstances : IAsyncDisposable
{
    private readonly List<Process> _processes = [];

    public List<Uri> Addresses { get; } = [];

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();

    public static async Task<WebInstances> StartAsync(int count, string connection, string folder)
    {
        var instances = new WebInstances();
        var contentRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        foreach (var i in Enumerable.Range(0, count))
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "AuditDashboard.Web.dll"), "--contentRoot", contentRoot, "--urls", "http://127.0.0.1:0" })
                start.ArgumentList.Add(arg);
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
            start.Environment["Database__Provider"] = "PostgreSQL";
            start.Environment["Database__ConnectionString"] = connection;
            start.Environment["Demo__SeedOnEmpty"] = "false";
            start.Environment["RateLimits__IngestPerMinute"] = "1000000";
            start.Environment["Integrity__SigningKeyPath"] = Path.Combine(folder, "log-signing.key");
            start.Environment["Reports__DevelopmentCertificatePath"] = Path.Combine(folder, "report-signing.pfx");
            var process = Process.Start(start)!;
            instances._processes.Add(process);
            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, e) => { if (e.Data is not null && Listening().Match(e.Data) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value)); };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromMinutes(2))) != listening.Task)
                throw new InvalidOperationException("a web app instance did not start");
            instances.Addresses.Add(listening.Task.Result);
        }
        return instances;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var p in _processes)
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
            p.WaitForExit();
            p.Dispose();
        }
        return ValueTask.CompletedTask;
    }
}
