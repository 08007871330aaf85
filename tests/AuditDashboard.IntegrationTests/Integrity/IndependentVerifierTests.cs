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

    [Theory]
    [InlineData("UPDATE access_events SET timestamp = CAST(timestamp AS TEXT) || 'x' WHERE seq = 30", "TAMPERED at seq 30: modified: timestamp is stored as text")]
    [InlineData("UPDATE access_events SET client_id = CAST(client_id AS BLOB) WHERE seq = 31", "TAMPERED at seq 31: modified: client_id is stored as blob")]
    [InlineData("UPDATE access_events SET roles = '[not json' WHERE seq = (SELECT MIN(seq) FROM access_events WHERE roles IS NOT NULL)", "modified: a value cannot be canonicalized")]
    [InlineData("UPDATE chain_heads SET hash = 5", "TAMPERED")]
    public async Task The_python_verifier_gives_a_verdict_for_a_hostile_store_and_never_crashes(string sql, string expected)
    {
        await Stores.SimulatedAsync(_db.Path, days: 1, users: 6);
        await Processes.Sqlite3Async(_db.Path, "DROP TRIGGER access_events_no_update; DROP TRIGGER IF EXISTS chain_heads_no_update; " + sql);
        var verdict = await PythonVerify();
        Assert.True(verdict.ExitCode == 1, $"exit {verdict.ExitCode}: {verdict.Stdout}{verdict.Stderr}");
        Assert.Contains(expected, verdict.Stdout);
        Assert.DoesNotContain("Traceback", verdict.Stderr);
    }

    [Fact]
    public async Task A_file_that_is_not_a_store_is_exit_2_with_a_reason()
    {
        await File.WriteAllTextAsync(_db.Path, "not a database at all, just text");
        var verdict = await PythonVerify();
        Assert.Equal(2, verdict.ExitCode);
        Assert.Contains("UNREADABLE", verdict.Stdout);
        Assert.DoesNotContain("Traceback", verdict.Stderr);
    }
}
