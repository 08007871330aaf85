using AuditDashboard.Core.Events;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Overview;

/// <summary>The overview, answered from the aggregates (hours for counts and charts, days for distinct counts).</summary>
public static class OverviewQueries
{
    public static async Task<OverviewFigures> LoadAsync(AuditDbContext db, Aggregator aggregator, DateTime from, DateTime to, CancellationToken cancellationToken = default)
    {
        long through = await aggregator.CatchUpAsync(cancellationToken);
        from = new DateTime(from.Ticks - from.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc);
        var hours = await db.HourlyCounts.AsNoTracking().Where(h => h.Hour >= from && h.Hour < to).ToListAsync(cancellationToken);

        bool hourly = to - from <= TimeSpan.FromDays(2);
        long unit = hourly ? TimeSpan.TicksPerHour : TimeSpan.TicksPerDay;
        var firstBucket = new DateTime(from.Ticks - from.Ticks % unit, DateTimeKind.Utc);
        var buckets = new List<DateTime>();
        for (var b = firstBucket; b < to; b = b.AddTicks(unit)) buckets.Add(b);
        int Index(DateTime t) => (int)((t.Ticks - firstBucket.Ticks) / unit);

        var byType = new Dictionary<string, long[]>();
        var failures = new long[buckets.Count];
        foreach (var h in hours)
        {
            int i = Index(h.Hour);
            if (i < 0 || i >= buckets.Count) continue;
            if (!byType.TryGetValue(h.EventType, out var series)) byType[h.EventType] = series = new long[buckets.Count];
            series[i] += h.Count;
            if (h.Outcome == Outcomes.Failure) failures[i] += h.Count;
        }

        var firstDay = from.Date;
        var actors = db.DailyActors.AsNoTracking().Where(a => a.Day >= firstDay && a.Day < to);
        async Task<long> Distinct(string kind) => await actors.Where(a => a.Kind == kind).Select(a => a.Value).Distinct().LongCountAsync(cancellationToken);
        async Task<List<TopItem>> Top(string kind) =>
            (await actors.Where(a => a.Kind == kind && a.SignInFailures > 0)
                .GroupBy(a => a.Value)
                .Select(g => new { g.Key, Count = g.Sum(a => a.SignInFailures) })
                .OrderByDescending(x => x.Count).ThenBy(x => x.Key).Take(10)
                .ToListAsync(cancellationToken))
            .Select(x => new TopItem(x.Key, x.Count)).ToList();

        return new OverviewFigures(
            from, to,
            Events: hours.Sum(h => h.Count),
            SignInSuccesses: hours.Where(h => h.EventType == EventTypes.LoginSuccess).Sum(h => h.Count),
            SignInFailures: hours.Where(h => h.EventType == EventTypes.LoginFailure).Sum(h => h.Count),
            ActiveSessions: await Distinct(DailyActor.Session),
            DistinctUsers: await Distinct(DailyActor.User),
            DistinctClients: await Distinct(DailyActor.Client),
            hourly, buckets, byType, failures,
            TopFailingUsers: await Top(DailyActor.User),
            TopFailingIps: await Top(DailyActor.Ip),
            TopFailingClients: await Top(DailyActor.Client),
            AggregatedThroughSeq: through);
    }
}
