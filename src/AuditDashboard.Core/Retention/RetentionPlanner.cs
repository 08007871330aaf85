using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Retention;

/// <summary>
/// Which months of the chain's oldest events are past <c>Retention:Months</c>, in order, each with what (if anything)
/// keeps it: a legal hold over any of its events, the chain's newest event (the head stays so the chain goes on from
/// it), or received times that go back across the month's end. Reads only; nothing leaves here.
/// </summary>
public static class RetentionPlanner
{
    public static async Task<List<RetentionMonth>> PlanAsync(AuditDbContext db, int months, DateTime now, CancellationToken cancellationToken = default)
    {
        var cutoff = RetentionOptions.Cutoff(months, now);
        long start = (await LastBoundaryAsync(db, cancellationToken))?.LastSeq ?? 0;
        long head = await db.Events.MaxAsync(e => (long?)e.Seq, cancellationToken) ?? 0;
        var holds = await db.LegalHolds.AsNoTracking().Where(h => h.ReleasedAt == null).ToListAsync(cancellationToken);
        var plan = new List<RetentionMonth>();
        while (start < head)
        {
            long first = start + 1;
            var receivedAt = await db.Events.Where(e => e.Seq == first).Select(e => (DateTime?)e.ReceivedAt).FirstOrDefaultAsync(cancellationToken);
            if (receivedAt is null) break; // a gap: verification names it, retention does not guess around it
            var month = new DateTime(receivedAt.Value.Year, receivedAt.Value.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            var end = month.AddMonths(1);
            if (end > cutoff) break;
            long last = await db.Events.Where(e => e.Seq >= first && e.ReceivedAt < end).MaxAsync(e => e.Seq, cancellationToken);
            string? kept = null;
            if (last >= head)
                kept = $"it holds the chain's newest event (seq {head}), which stays so the chain goes on from it";
            else if (await db.Events.Where(e => e.Seq > first && e.Seq < last && e.ReceivedAt >= end).Select(e => (long?)e.Seq).FirstOrDefaultAsync(cancellationToken) is { } back)
                kept = $"received times go back across its end at seq {back}, so it is not one run of the chain";
            else if (await HoldOverAsync(db, holds, first, last, cancellationToken) is { } hold)
                kept = $"legal hold {hold.Id} ({hold.Scope()}: {hold.Reason}) keeps events in it";
            plan.Add(new RetentionMonth(month, first, last, kept));
            if (kept is not null) break;
            start = last;
        }
        return plan;
    }

    /// <summary>
    /// Where the chain now starts: the last boundary a signed checkpoint covers. A purge signs that checkpoint before
    /// it records the boundary, so a boundary without one was not written by a purge (verification names it), and the
    /// delete guard on SQLite ignores it as this does.
    /// </summary>
    public static Task<RetentionBoundary?> LastBoundaryAsync(AuditDbContext db, CancellationToken cancellationToken = default) =>
        db.RetentionBoundaries.AsNoTracking().Where(b => db.LogCheckpoints.Any(c => c.Size >= b.LastSeq))
            .OrderByDescending(b => b.LastSeq).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The first hold in force with an event in seq first..last in its scope (source, user, period of the event's own time).</summary>
    private static async Task<LegalHold?> HoldOverAsync(AuditDbContext db, List<LegalHold> holds, long first, long last, CancellationToken cancellationToken)
    {
        foreach (var hold in holds)
        {
            var events = db.Events.Where(e => e.Seq >= first && e.Seq <= last);
            if (hold.Source is { } source) events = events.Where(e => e.Source == source);
            if (hold.User is { } user) events = events.Where(e => e.UserId == user || e.Username == user);
            if (hold.From is { } from) events = events.Where(e => e.Timestamp >= from);
            if (hold.To is { } to) events = events.Where(e => e.Timestamp < to);
            if (await events.AnyAsync(cancellationToken)) return hold;
        }
        return null;
    }
}
