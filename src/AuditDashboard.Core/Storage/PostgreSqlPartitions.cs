using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Storage;

/// <summary>
/// The monthly partitions of access_events on PostgreSQL (ADR 0018): made on first use by auditdash_event_month
/// (the owner's function, so the runtime role needs no DDL), and dropped whole when retention lets a month go.
/// </summary>
public static class PostgreSqlPartitions
{
    // Per database and month, once per process, and only once the partitions were there before the call: one this
    // transaction made is gone again if it rolls back (a batch with a re-sent event is retried), so it is asked again.
    private static readonly ConcurrentDictionary<(string Database, DateTime Month), bool> Made = new();

    public static string Name(DateTime month) => $"access_events_y{month.Year:D4}m{month.Month:D2}";

    public static DateTime MonthOf(DateTime time) => new(time.Year, time.Month, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The partitions of the month of <paramref name="receivedAt"/> and of the month after it exist.</summary>
    public static async Task EnsureAsync(AuditDbContext db, DateTime receivedAt, CancellationToken cancellationToken)
    {
        var database = db.Database.GetDbConnection().DataSource + "/" + db.Database.GetDbConnection().Database;
        var month = MonthOf(receivedAt);
        if (Made.ContainsKey((database, month))) return;
        bool existed = true;
        foreach (var m in new[] { month, month.AddMonths(1) })
            existed &= await db.Database.SqlQuery<bool>($"SELECT auditdash_event_month({m.Year}, {m.Month}) AS \"Value\"").SingleAsync(cancellationToken);
        if (existed) Made[(database, month)] = true;
    }

    /// <summary>Detaches and drops the month's partition, after checking it holds exactly the boundary's events.</summary>
    public static async Task<long> DropAsync(AuditDbContext db, Retention.RetentionBoundary boundary, DateTime monthStart, CancellationToken cancellationToken)
    {
        var name = Name(monthStart);
        // The name is made of the month's digits only, so it is safe in the statement text.
        string count = $"SELECT count(*) AS \"Count\", min(seq) AS \"First\", max(seq) AS \"Last\" FROM \"{name}\"";
        string detach = $"ALTER TABLE access_events DETACH PARTITION \"{name}\"", drop = $"DROP TABLE \"{name}\"";
        var held = await db.Database.SqlQueryRaw<PartitionRange>(count).SingleAsync(cancellationToken);
        if (held.Count != boundary.Count || held.First != boundary.FirstSeq || held.Last != boundary.LastSeq)
            throw new InvalidOperationException(
                $"partition {name} holds {held.Count} events (seq {held.First} to {held.Last}), not the {boundary.Count} of seq {boundary.FirstSeq} to {boundary.LastSeq} retention would let go; nothing was removed");
        await db.Database.ExecuteSqlRawAsync(detach, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(drop, cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM event_keys WHERE seq >= {boundary.FirstSeq} AND seq <= {boundary.LastSeq}", cancellationToken);
        return held.Count;
    }

    private sealed record PartitionRange(long Count, long? First, long? Last);
}
