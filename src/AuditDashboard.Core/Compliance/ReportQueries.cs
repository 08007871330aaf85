using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Compliance;

/// <summary>
/// Every database read a report makes, apart from the chain verification. The report benchmark's baseline runs
/// exactly these (and the verification's read), so its ratio is the cost of everything else.
/// </summary>
public static class ReportQueries
{
    public static IQueryable<AccessEvent> InScope(AuditDbContext db, ReportRequest r)
    {
        var query = db.Events.AsNoTracking().Where(e => e.Timestamp >= r.From && e.Timestamp < r.To);
        if (r.Sources.Count > 0) query = query.Where(e => r.Sources.Contains(e.Source));
        if (r.Clients.Count > 0) query = query.Where(e => e.ClientId != null && r.Clients.Contains(e.ClientId));
        return query;
    }

    /// <summary>The period's events in seq order, only the columns the counts need.</summary>
    public static IAsyncEnumerable<EventFacts> FactsAsync(AuditDbContext db, ReportRequest r) =>
        InScope(db, r).OrderBy(e => e.Seq)
            .Select(e => new EventFacts(e.Seq, e.Timestamp, e.ReceivedAt, e.EventType, e.Outcome, e.Source, e.UserId ?? e.Username, e.ClientId,
                e.Source == EventSources.Dashboard ? e.Username : null, e.Source == EventSources.Dashboard ? e.Attributes : null))
            .AsAsyncEnumerable();

    /// <summary>The source and client of each of these events, for scoping alerts by their evidence.</summary>
    public static async Task<Dictionary<long, (string Source, string? Client)>> OriginsAsync(AuditDbContext db, IReadOnlyCollection<long> seqs, CancellationToken cancellationToken)
    {
        var found = new Dictionary<long, (string, string?)>();
        foreach (var chunk in seqs.Chunk(500))
            foreach (var e in await db.Events.AsNoTracking().Where(e => chunk.Contains(e.Seq)).Select(e => new { e.Seq, e.Source, e.ClientId }).ToListAsync(cancellationToken))
                found[e.Seq] = (e.Source, e.ClientId);
        return found;
    }

    /// <summary>Alerts whose window touches the period.</summary>
    public static Task<List<Alert>> AlertsAsync(AuditDbContext db, DateTime from, DateTime to, CancellationToken cancellationToken) =>
        db.Alerts.AsNoTracking().Where(a => a.WindowEnd >= from && a.WindowStart < to).OrderBy(a => a.Id).ToListAsync(cancellationToken);

    public static async Task<List<AlertHistory>> HistoryAsync(AuditDbContext db, IReadOnlyCollection<long> alertIds, CancellationToken cancellationToken)
    {
        var all = new List<AlertHistory>();
        foreach (var chunk in alertIds.Chunk(500))
            all.AddRange(await db.AlertHistory.AsNoTracking().Where(h => chunk.Contains(h.AlertId)).ToListAsync(cancellationToken));
        return all;
    }

    public static async Task<Dictionary<long, AccessEvent>> EventsAsync(AuditDbContext db, IReadOnlyCollection<long> seqs, CancellationToken cancellationToken)
    {
        var found = new Dictionary<long, AccessEvent>();
        foreach (var chunk in seqs.Chunk(500))
            foreach (var e in await db.Events.AsNoTracking().Where(e => chunk.Contains(e.Seq)).ToListAsync(cancellationToken))
                found[e.Seq] = e;
        return found;
    }
}
