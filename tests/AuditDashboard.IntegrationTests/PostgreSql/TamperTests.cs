using AuditDashboard.Core.Storage;
using AuditDashboard.IntegrationTests.Infrastructure;
using Npgsql;

namespace AuditDashboard.IntegrationTests.PostgreSql;

/// <summary>
/// The owner of the tables switches the append-only triggers off and edits the events on the server; `auditdash verify`
/// names the first broken seq and the kind of break, as it does for the SQLite file.
/// </summary>
public sealed class TamperTests
{
    public static TheoryData<string, string> Tampering => new()
    {
        { "UPDATE access_events SET username = 'someone-else' WHERE seq = 40", "TAMPERED at seq 40 (modified)" },
        { "UPDATE access_events SET timestamp = timestamp + 1 WHERE seq = 41", "TAMPERED at seq 41 (modified)" },
        { "DELETE FROM access_events WHERE seq = 50", "TAMPERED at seq 50 (missing)" },
        { "UPDATE access_events SET seq = -seq WHERE seq IN (70, 71); UPDATE access_events SET seq = 71 WHERE seq = -70; UPDATE access_events SET seq = 70 WHERE seq = -71", "TAMPERED at seq 70 (reordered)" },
        { "DELETE FROM access_events WHERE seq > 100", "TAMPERED at seq 101 (truncated)" },
        { "UPDATE access_events SET username = 'someone-else' WHERE seq = 700", "TAMPERED at seq 700 (modified)" },
        { "UPDATE log_tiles SET hashes = decode(repeat('00', 32), 'hex') || substr(hashes, 33) WHERE level = 0 AND tile_index = 1", "TAMPERED at seq 257 (modified)" },
    };

    [PostgreSqlTheory, MemberData(nameof(Tampering))]
    public async Task Verify_fails_at_the_first_broken_seq(string sql, string expected)
    {
        await using var store = await TestStore.CreateAsync(DatabaseOptions.PostgreSqlProvider);
        await Stores.SimulateAsync(store.Factory);
        var intact = await Processes.AuditdashAsync(store, "verify");
        Assert.True(intact.ExitCode == 0, intact.Stdout + intact.Stderr);

        await using (var connection = new NpgsqlConnection(store.Options.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"ALTER TABLE access_events DISABLE TRIGGER USER; {sql}; ALTER TABLE access_events ENABLE TRIGGER USER", connection);
            await command.ExecuteNonQueryAsync();
        }

        var tampered = await Processes.AuditdashAsync(store, "verify");
        Assert.True(tampered.ExitCode == 1, $"{sql}: exit {tampered.ExitCode}\n{tampered.Stdout}{tampered.Stderr}");
        Assert.Contains(expected, tampered.Stdout);
        Assert.Contains("Raised a critical integrity_break alert.", tampered.Stdout);
    }
}
