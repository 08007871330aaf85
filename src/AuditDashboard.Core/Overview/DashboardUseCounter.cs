using AuditDashboard.Core.Events;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Overview;

/// <summary>Counts the dashboard's own events into <see cref="DashboardUse"/>, inside the aggregator's transaction.</summary>
internal static class DashboardUseCounter
{
    public static async Task ApplyAsync(AuditDbContext db, List<Aggregator.Row> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        var counts = rows.GroupBy(r => (Day: Aggregator.Truncate(r.Timestamp, TimeSpan.TicksPerDay), Person: Person(r), Action: Action(r), r.Outcome))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        var minDay = counts.Keys.Min(k => k.Day);
        var maxDay = counts.Keys.Max(k => k.Day);
        var existing = (await db.DashboardUse.Where(u => u.Day >= minDay && u.Day <= maxDay).ToListAsync(cancellationToken))
            .ToDictionary(u => (u.Day, u.Person, u.Action, u.Outcome));
        foreach (var (key, count) in counts)
        {
            if (existing.TryGetValue(key, out var row)) row.Count += count;
            else db.DashboardUse.Add(new DashboardUse { Day = key.Day, Person = key.Person, Action = key.Action, Outcome = key.Outcome, Count = count });
        }
    }

    private static string Person(Aggregator.Row r) => Clip(r.Username ?? r.UserId ?? "(unknown)", 256);

    private static string Action(Aggregator.Row r) => DashboardActions.Of(r.EventType, r.DashboardAttributes);

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}
