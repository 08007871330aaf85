using System.Text.Json;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Detection;

public static class AlertQueries
{
    /// <summary>Alerts about a session: its own, and those whose evidence includes one of its events.</summary>
    public static async Task<List<Alert>> ForEventsAsync(AuditDbContext db, string sessionId, IReadOnlyCollection<long> seqs, DateTime from, DateTime to, CancellationToken cancellationToken = default)
    {
        var candidates = await db.Alerts.AsNoTracking()
            .Where(a => a.Subject == sessionId || (a.WindowEnd >= from && a.WindowStart <= to))
            .ToListAsync(cancellationToken);
        var set = seqs.ToHashSet();
        return candidates.Where(a => a.Subject == sessionId || JsonSerializer.Deserialize<long[]>(a.Evidence)!.Any(set.Contains))
            .OrderByDescending(a => a.WindowEnd).ToList();
    }

    /// <summary>Open alerts per severity whose window touches the range.</summary>
    public static async Task<Dictionary<string, int>> OpenBySeverityAsync(AuditDbContext db, DateTime from, DateTime to, CancellationToken cancellationToken = default) =>
        await db.Alerts.AsNoTracking()
            .Where(a => a.Status == AlertStatuses.Open && a.WindowEnd >= from && a.WindowStart < to)
            .GroupBy(a => a.Severity).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
}
