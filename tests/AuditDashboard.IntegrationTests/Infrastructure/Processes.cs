using System.Diagnostics;

namespace AuditDashboard.IntegrationTests.Infrastructure;

/// <summary>Runs a real program (the built <c>auditdash</c>, or <c>sqlite3</c>) as a separate process.</summary>
public static class Processes
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static Task<Result> AuditdashAsync(string workingDirectory, params string[] args) =>
        RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "auditdash.dll"), .. args], workingDirectory);

    /// <summary>The built auditdash on a test store of any engine, in the store's folder.</summary>
    public static Task<Result> AuditdashAsync(TestStore store, params string[] args) =>
        AuditdashAsync(store.Folder, [.. store.CliArgs, .. args]);

    /// <summary>The built auditdash with configuration in environment variables (as <c>Integrity__SigningKeyPath</c>).</summary>
    public static Task<Result> AuditdashAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "auditdash.dll"), .. args], workingDirectory, environment);

    /// <summary>The sqlite3 shell, as someone with access to the file would use it (test.sh installs it).</summary>
    public static async Task Sqlite3Async(string database, string sql)
    {
        // Wait for locks rather than fail at once: a pooled connection or a finishing process may still hold one briefly.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var result = await RunAsync("sqlite3", ["-cmd", ".timeout 15000", database, sql], Path.GetDirectoryName(database)!);
        if (result.ExitCode != 0) throw new InvalidOperationException($"sqlite3 failed: {result.Stderr}");
    }

    public static async Task<Result> RunAsync(string program, string[] args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 3 minutes");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
