using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Compliance;

/// <summary>
/// The /controls page's figures. Populations by type and outcome come from the hourly aggregates (so the page stays
/// fast on a large store; the period is taken in whole hours); a population limited to sources is counted directly.
/// </summary>
public static class ControlStatusQueries
{
    public static async Task<List<ControlStatus>> ForAsync(AuditDbContext db, IEnumerable<CatalogControl> controls, DateTime from, DateTime to,
        CancellationToken cancellationToken = default)
    {
        var list = controls.ToList();
        DateTime fromHour = new(from.Ticks - from.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc), toHour = new(to.Ticks - to.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc);
        var hourly = await db.HourlyCounts.AsNoTracking().Where(h => h.Hour >= fromHour && h.Hour < toHour)
            .GroupBy(h => new { h.EventType, h.Outcome }).Select(g => new { g.Key.EventType, g.Key.Outcome, Count = g.Sum(h => h.Count) })
            .ToListAsync(cancellationToken);
        var detectors = list.SelectMany(c => c.Detectors).Distinct().ToList();
        var alerts = await db.Alerts.AsNoTracking().Where(a => detectors.Contains(a.Detector) && a.WindowEnd >= from && a.WindowStart < to)
            .GroupBy(a => a.Detector).Select(g => new { Detector = g.Key, Total = g.Count(), Open = g.Count(a => a.Status == AlertStatuses.Open) })
            .ToDictionaryAsync(x => x.Detector, cancellationToken);

        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var result = new List<ControlStatus>();
        foreach (var c in list)
        {
            var populations = new List<(CatalogPopulation, long)>();
            foreach (var p in c.Populations)
            {
                var key = PopulationTally.Key(p);
                if (!sizes.TryGetValue(key, out long size))
                {
                    sizes[key] = size = p.Sources.Count == 0
                        ? hourly.Where(h => (p.EventTypes.Count == 0 || p.EventTypes.Contains(h.EventType)) && (p.Outcomes.Count == 0 || p.Outcomes.Contains(h.Outcome))).Sum(h => h.Count)
                        : await CountAsync(db, p, from, to, cancellationToken);
                }
                populations.Add((p, size));
            }
            var exceptions = c.Detectors.Select(d => alerts.TryGetValue(d, out var a) ? (d, a.Open, a.Total) : (d, 0, 0)).ToList();
            result.Add(new ControlStatus(c, populations, exceptions));
        }
        return result;
    }

    private static Task<int> CountAsync(AuditDbContext db, CatalogPopulation p, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var query = db.Events.Where(e => e.Timestamp >= from && e.Timestamp < to && p.Sources.Contains(e.Source));
        if (p.EventTypes.Count > 0) query = query.Where(e => p.EventTypes.Contains(e.EventType));
        if (p.Outcomes.Count > 0) query = query.Where(e => p.Outcomes.Contains(e.Outcome));
        return query.CountAsync(cancellationToken);
    }
}
