using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace AuditDashboard.IntegrationTests.Storage;

/// <summary>The migration makes stored events and chain heads impossible to change through SQL on SQLite.</summary>
public sealed class AppendOnlyTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private const string Columns = "seq, received_at, event_id, timestamp, event_type, outcome, source, prev_hash, hash";

    public static TheoryData<string, string> Attacks => new()
    {
        { "UPDATE", "UPDATE access_events SET username = 'mallory' WHERE seq = 2" },
        { "DELETE", "DELETE FROM access_events WHERE seq = 2" },
        { "DELETE all", "DELETE FROM access_events" },
        { "INSERT OR REPLACE by seq", $"INSERT OR REPLACE INTO access_events ({Columns}) SELECT seq, received_at, 'other-id', timestamp, event_type, outcome, source, prev_hash, hash FROM access_events WHERE seq = 2" },
        { "REPLACE by (source, event_id)", $"REPLACE INTO access_events ({Columns}) SELECT 99999, received_at, event_id, timestamp, event_type, 'failure', source, prev_hash, hash FROM access_events WHERE seq = 2" },
        { "UPSERT", $"INSERT INTO access_events ({Columns}) SELECT seq, received_at, event_id, timestamp, event_type, outcome, source, prev_hash, hash FROM access_events WHERE seq = 2 ON CONFLICT(seq) DO UPDATE SET outcome = 'failure'" },
        { "UPSERT on the idempotency key", $"INSERT INTO access_events ({Columns}) SELECT 99999, received_at, event_id, timestamp, event_type, outcome, source, prev_hash, hash FROM access_events WHERE seq = 2 ON CONFLICT(source, event_id) DO UPDATE SET outcome = 'failure'" },
        { "INSERT out of sequence", $"INSERT INTO access_events ({Columns}) SELECT 99999, received_at, 'forged', timestamp, event_type, outcome, source, prev_hash, hash FROM access_events WHERE seq = 2" },
        { "UPDATE chain head", "UPDATE chain_heads SET hash = zeroblob(32)" },
        { "DELETE chain head", "DELETE FROM chain_heads" },
        { "INSERT OR REPLACE chain head", "INSERT OR REPLACE INTO chain_heads (id, first_seq, last_seq, hash, recorded_at, origin) SELECT id, 1, 1, zeroblob(32), recorded_at, 'forged' FROM chain_heads LIMIT 1" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Changing_stored_rows_through_sql_fails_and_leaves_them_as_they_were(string name, string sql)
    {
        await Stores.SimulatedAsync(_db.Path);
        var before = Snapshot();

        using var connection = new SqliteConnection($"Data Source={_db.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var ex = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
        Assert.Contains("append-only", ex.Message);

        Assert.True(before.SequenceEqual(Snapshot()), $"{name} changed the stored rows");
    }

    private List<string> Snapshot()
    {
        using var connection = new SqliteConnection($"Data Source={_db.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq || ':' || event_id || ':' || outcome || ':' || IFNULL(username, '') || ':' || hex(hash) FROM access_events " +
                              "UNION ALL SELECT 'head' || id || ':' || hex(hash) || origin FROM chain_heads ORDER BY 1";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }
}
