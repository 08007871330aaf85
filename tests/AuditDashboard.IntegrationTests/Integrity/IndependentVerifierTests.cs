using AuditDashboard.IntegrationTests.Infrastructure;

namespace AuditDashboard.IntegrationTests.Integrity;

/// <summary>docs/verify_chain.py, written from docs/integrity.md alone, agrees with the .NET chain.</summary>
public sealed class IndependentVerifierTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private Task<Processes.Result> PythonVerify() =>
        Processes.RunAsync("python3", [Path.Combine(RepoRoot.Path, "docs", "verify_chain.py"), _db.Path], _db.Folder);

    [Fact]
    public async Task The_python_verifier_accepts_a_store_written_by_the_app_and_rejects_a_tampered_one()
    {
        await Stores.SimulatedAsync(_db.Path, days: 2, users: 10);
        var head = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "verify");

        var intact = await PythonVerify();
        Assert.True(intact.ExitCode == 0, intact.Stdout + intact.Stderr);
        // Same head hash from both implementations.
        Assert.Contains(head.Lines[^1].Split(' ')[^1], intact.Stdout);

        await Processes.Sqlite3Async(_db.Path, "DROP TRIGGER access_events_no_update; UPDATE access_events SET user_agent = 'curl/8' WHERE seq = 25");
        var tampered = await PythonVerify();
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("TAMPERED at seq 25", tampered.Stdout);
    }
}
