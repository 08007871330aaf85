using AuditDashboard.Core.Storage;
using AuditDashboard.IntegrationTests.Infrastructure;
using Npgsql;

namespace AuditDashboard.IntegrationTests.PostgreSql;

/// <summary>On PostgreSQL the evidence tables refuse every change through SQL, even from their owner, and the runtime role may not try.</summary>
public sealed class AppendOnlyTests
{
    private const string Columns = "seq, received_at, event_id, timestamp, event_type, outcome, source, prev_hash, hash";

    public static TheoryData<string> Attacks => new()
    {
        "UPDATE access_events SET username = 'mallory' WHERE seq = 2",
        "DELETE FROM access_events WHERE seq = 2",
        "TRUNCATE access_events CASCADE",
        $"INSERT INTO access_events ({Columns}) SELECT seq, received_at, event_id, timestamp, event_type, outcome, source, prev_hash, hash FROM access_events WHERE seq = 2 ON CONFLICT (seq, received_at) DO UPDATE SET outcome = 'failure'",
        $"INSERT INTO access_events ({Columns}) SELECT 99999, received_at, 'forged', timestamp, event_type, outcome, source, prev_hash, hash FROM access_events WHERE seq = 2",
        "UPDATE chain_heads SET origin = 'forged'",
        "DELETE FROM chain_heads",
        "TRUNCATE chain_heads",
        "UPDATE alert_history SET note = 'forged'",
        "DELETE FROM log_checkpoints",
        "DELETE FROM retention_boundaries",
        // The month's partition itself (ADR 0018): every statement aimed at it is refused, not only those through access_events.
        "DELETE FROM {partition}",
        "UPDATE {partition} SET username = 'mallory'",
        "TRUNCATE {partition}",
        $"INSERT INTO {{partition}} ({Columns}) SELECT 99999, received_at, 'forged', timestamp, event_type, outcome, source, prev_hash, hash FROM access_events WHERE seq = 2",
    };

    [PostgreSqlTheory, MemberData(nameof(Attacks))]
    public async Task Changing_stored_rows_as_the_owner_fails_and_leaves_them_as_they_were(string sql)
    {
        await using var store = await TestStore.CreateAsync(DatabaseOptions.PostgreSqlProvider);
        await Stores.SimulateAsync(store.Factory);
        var before = await SnapshotAsync(store);

        await using var connection = new NpgsqlConnection(store.Options.ConnectionString);
        await connection.OpenAsync();
        await using (var find = new NpgsqlCommand("SELECT tableoid::regclass::text FROM access_events WHERE seq = 2", connection))
            sql = sql.Replace("{partition}", (string)(await find.ExecuteScalarAsync())!, StringComparison.Ordinal);
        await using var command = new NpgsqlCommand(sql, connection);
        var ex = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Matches("append-only|a new seq must extend it by exactly one|is a partition of access_events", ex.MessageText);
        Assert.Equal(before, await SnapshotAsync(store));
    }

    [PostgreSqlFact]
    public async Task The_runtime_role_may_insert_and_read_events_but_not_change_them_nor_the_schema()
    {
        await using var store = await TestStore.CreateAsync(DatabaseOptions.PostgreSqlProvider);
        await Stores.SimulateAsync(store.Factory);
        var grant = await Processes.AuditdashAsync(store.Folder, [.. store.CliArgs, "grant", "--role", "auditdash_app"]);
        Assert.True(grant.ExitCode == 0, grant.Stderr);
        Assert.Contains("INSERT and SELECT only on access_events", grant.Stdout);

        await using var connection = new NpgsqlConnection(PostgreSqlServer.AsRuntimeRole(store.Options.ConnectionString!));
        await connection.OpenAsync();
        foreach (var statement in new[]
                 {
                     "UPDATE access_events SET username = 'mallory'", "DELETE FROM access_events", "TRUNCATE access_events",
                     "DELETE FROM chain_heads", "UPDATE alert_history SET note = 'x'",
                     "ALTER TABLE access_events DISABLE TRIGGER USER", "DROP TRIGGER access_events_no_update ON access_events",
                     "CREATE TABLE shadow (id int)", "DELETE FROM event_keys", "DELETE FROM {partition}",
                     "ALTER TABLE access_events DETACH PARTITION {partition}",
                 })
        {
            var sql = statement;
            if (sql.Contains("{partition}", StringComparison.Ordinal))
            {
                await using var owner = new NpgsqlConnection(store.Options.ConnectionString);
                await owner.OpenAsync();
                await using var find = new NpgsqlCommand("SELECT tableoid::regclass::text FROM access_events WHERE seq = 2", owner);
                sql = sql.Replace("{partition}", (string)(await find.ExecuteScalarAsync())!, StringComparison.Ordinal);
            }
            await using var command = new NpgsqlCommand(sql, connection);
            var ex = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.True(ex.SqlState is PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {ex.SqlState} {ex.MessageText}");
        }
        // What the runtime does need: read everything, and change the derived tables.
        await using (var read = new NpgsqlCommand("SELECT count(*) FROM access_events", connection))
            Assert.True((long)(await read.ExecuteScalarAsync())! > 0);
        await using (var derived = new NpgsqlCommand("DELETE FROM agg_hourly", connection))
            await derived.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> SnapshotAsync(TestStore store)
    {
        await using var connection = new NpgsqlConnection(store.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT seq || ':' || event_id || ':' || outcome || ':' || coalesce(username, '') || ':' || encode(hash, 'hex') FROM access_events " +
            "UNION ALL SELECT 'head' || id || ':' || encode(hash, 'hex') || origin FROM chain_heads ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
