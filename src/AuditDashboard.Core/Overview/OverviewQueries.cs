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

        // The chart covers only the part of the period that holds data, whatever period the URL asks for.
        var firstStored = await db.HourlyCounts.MinAsync(h => (DateTime?)h.Hour, cancellationToken);
        var lastStored = await db.HourlyCounts.MaxAsync(h => (DateTime?)h.Hour, cancellationToken);
        var chartFrom = firstStored is { } first && first > from ? first : from;
        var chartTo = lastStored is { } last && last.AddHours(1) < to ? last.AddHours(1) : to;
        if (chartTo <= chartFrom) (chartFrom, chartTo) = (from, from.AddHours(1) < to ? from.AddHours(1) : to);
        var size = ChartBuckets.Choose(chartFrom, chartTo);
        var buckets = ChartBuckets.Between(chartFrom, chartTo, size);

        // Streamed and summed into the buckets: memory follows the chart's points, not the rows read.
        var byType = new Dictionary<string, long[]>();
        var failures = new long[buckets.Count];
        long events = 0, signInSuccesses = 0, signInFailures = 0;
        int i = 0;
        var rows = db.HourlyCounts.AsNoTracking().Where(h => h.Hour >= from && h.Hour < to).OrderBy(h => h.Hour).AsAsyncEnumerable();
        await foreach (var h in rows.WithCancellation(cancellationToken))
        {
            events += h.Count;
            if (h.EventType == EventTypes.LoginSuccess) signInSuccesses += h.Count;
            else if (h.EventType == EventTypes.LoginFailure) signInFailures += h.Count;
            while (i + 1 < buckets.Count && buckets[i + 1] <= h.Hour) i++;
            if (buckets.Count == 0 || h.Hour < buckets[0]) continue;
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
            Events: events,
            SignInSuccesses: signInSuccesses,
            SignInFailures: signInFailures,
            ActiveSessions: await Distinct(DailyActor.Session),
            DistinctUsers: await Distinct(DailyActor.User),
            DistinctClients: await Distinct(DailyActor.Client),
            size, buckets, byType, failures,
            TopFailingUsers: await Top(DailyActor.User),
            TopFailingIps: await Top(DailyActor.Ip),
            TopFailingClients: await Top(DailyActor.Client),
            AggregatedThroughSeq: through);
    }
}
