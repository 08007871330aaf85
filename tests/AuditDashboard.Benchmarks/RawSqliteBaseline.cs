using AuditDashboard.Core.Events;
using AuditDashboard.Core.Storage;
using Microsoft.Data.Sqlite;

namespace AuditDashboard.Benchmarks;

/// <summary>
/// The baseline: prepared Microsoft.Data.Sqlite inserts into the very table the migrations create (same
/// columns, same indexes, same pragmas), in transactions of one batch, with no validation, no duplicate
/// check, no hashing and without the append-only triggers.
/// </summary>
public static class RawSqliteBaseline
{
    public static async Task<double> RunAsync(string path, List<AccessEvent> events, int batch)
    {
        await Stores.MigrateAsync(path);
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        Exec(connection, new SqlitePragmas(new DatabaseOptions().SqliteCacheMiB).Sql);
        Exec(connection, "DROP TRIGGER access_events_no_update; DROP TRIGGER access_events_no_delete; " +
                         "DROP TRIGGER access_events_no_replace; DROP TRIGGER access_events_seq_order;");

        var now = DateTime.UtcNow;
        var hash = new byte[32];
        long seq = 0;
        foreach (var e in events)
        {
            e.Seq = ++seq;
            e.ReceivedAt = now;
            e.PrevHash = hash;
            e.Hash = hash;
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var chunk in events.Chunk(batch))
        {
            using var tx = connection.BeginTransaction();
            EventTable.Insert(connection, tx, chunk, ticks: true, prepare: true);
            tx.Commit();
        }
        return events.Count / watch.Elapsed.TotalSeconds;
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
