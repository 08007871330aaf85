using AuditDashboard.Core.Storage;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Overview;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.IntegrationTests.Queries;

public sealed class AggregatorTests
{
    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task The_overview_from_aggregates_equals_counting_the_events_and_catching_up_twice_counts_once(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var factory = await Stores.SimulateAsync(store.Factory, days: 10, users: 20);
        var aggregator = new Aggregator(factory);
        await aggregator.CatchUpAsync();
        await aggregator.CatchUpAsync();

        await using var db = factory.CreateDbContext();
        var events = await db.Events.AsNoTracking().ToListAsync();
        var from = events.Max(e => e.Timestamp).Date.AddDays(-6); // not Min: the dormant account signed in months before the period
        var to = from.AddDays(5);
        var figures = await OverviewQueries.LoadAsync(db, aggregator, from, to);
        var inRange = events.Where(e => e.Timestamp >= from && e.Timestamp < to).ToList();

        Assert.Equal(inRange.Count, figures.Events);
        Assert.Equal(inRange.Count(e => e.EventType == EventTypes.LoginFailure), figures.SignInFailures);
        Assert.Equal(inRange.Count(e => e.EventType == EventTypes.LoginSuccess), figures.SignInSuccesses);
        Assert.Equal(inRange.Select(e => e.SessionId).OfType<string>().Distinct().Count(), figures.ActiveSessions);
        Assert.Equal(inRange.Select(e => e.UserId ?? e.Username).OfType<string>().Distinct().Count(), figures.DistinctUsers);
        Assert.Equal(inRange.Count(e => e.Outcome == Outcomes.Failure), figures.Failures.Sum());
        Assert.Equal(5, figures.Buckets.Count);
        Assert.Equal(events.Max(e => e.Seq), figures.AggregatedThroughSeq);

        var topIp = inRange.Where(e => e.EventType is EventTypes.LoginFailure or EventTypes.MfaFailure && e.Ip is not null)
            .GroupBy(e => e.Ip).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        Assert.Equal((topIp.Key!, (long)topIp.Count()), (figures.TopFailingIps[0].Value, figures.TopFailingIps[0].Count));
    }

    public static TheoryData<string, string, string> Periods => TestStore.WithProviders(
        ("0001-01-01", "9999-12-31"), ("1726-01-01", "2026-12-31"), ("1970-01-01", "2100-01-01"));

    [Theory, MemberData(nameof(Periods))]
    public async Task Any_period_gives_a_chart_of_a_few_hundred_points_over_the_stored_data_with_every_event_counted(string provider, string fromText, string toText)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var factory = await Stores.SimulateAsync(store.Factory, days: 3, users: 5);
        var aggregator = new Aggregator(factory);
        await using var db = factory.CreateDbContext();
        var from = DateTime.SpecifyKind(DateTime.Parse(fromText, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        var to = DateTime.SpecifyKind(DateTime.Parse(toText, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        var figures = await OverviewQueries.LoadAsync(db, aggregator, from, to);

        var events = await db.Events.AsNoTracking().ToListAsync();
        Assert.InRange(figures.Buckets.Count, 1, ChartBuckets.MaxPoints);
        Assert.Equal(events.Count, figures.Events);
        Assert.Equal(events.Count, figures.EventsByType.Values.Sum(series => series.Sum()));
        Assert.Equal(events.Count(e => e.Outcome == Outcomes.Failure), figures.Failures.Sum());
        // The chart starts at the first stored event, not at the period's start.
        Assert.True(figures.Buckets[0] <= events.Min(e => e.Timestamp) && figures.Buckets[0] > events.Min(e => e.Timestamp).AddYears(-1));
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Aggregators_of_two_processes_on_one_store_count_every_event_exactly_once(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var factory = await Stores.SimulateAsync(store.Factory, days: 4, users: 10);
        // Two instances share no lock in memory, as two processes on the same file would not.
        var first = new Aggregator(store.NewFactory());
        var second = new Aggregator(store.NewFactory());
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).CatchUpAsync())));

        await using var db = factory.CreateDbContext();
        var events = await db.Events.AsNoTracking().ToListAsync();
        Assert.Equal(events.Count, await db.HourlyCounts.SumAsync(h => h.Count));
        Assert.Equal(events.Count(e => e.SessionId is not null), await db.SessionAggregates.SumAsync(s => s.Events));
        Assert.Equal(events.Max(e => e.Seq), await db.AggregateStates.Select(s => s.LastSeq).SingleAsync());
    }
}
