using AuditDashboard.Core.Coordination;
using AuditDashboard.Core.Detection;
using AuditDashboard.Web.Alerts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AuditDashboard.Tests.Coordination;

/// <summary>Two processes on one store: one runs the live detectors, the other takes over when it stops.</summary>
public sealed class LeaseStoreTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task One_holder_at_a_time_until_its_lease_runs_out_or_is_released()
    {
        await using var store = await TempStore.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var first = new LeaseStore(store.Factory, clock);
        var second = new LeaseStore(store.Factory, clock);
        Assert.NotEqual(first.Holder, second.Holder);

        Assert.True(await first.TryAcquireAsync("detection", Duration));
        Assert.False(await second.TryAcquireAsync("detection", Duration));
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await first.TryAcquireAsync("detection", Duration)); // renewed
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.False(await second.TryAcquireAsync("detection", Duration));
        Assert.True(await second.TryAcquireAsync("other-work", Duration));

        // The first holder dies: its lease runs out and the second takes the work over.
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.True(await second.TryAcquireAsync("detection", Duration));
        Assert.False(await first.TryAcquireAsync("detection", Duration));

        await second.ReleaseAsync("detection");
        Assert.True(await first.TryAcquireAsync("detection", Duration));
    }

    [Fact]
    public async Task Only_the_lease_holder_runs_the_live_detectors()
    {
        await using var store = await TempStore.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var a = new DetectionService(new DetectionRunner(store.Factory, new DetectionOptions(), clock), new LeaseStore(store.Factory, clock), NullLogger<DetectionService>.Instance);
        var b = new DetectionService(new DetectionRunner(store.Factory, new DetectionOptions(), clock), new LeaseStore(store.Factory, clock), NullLogger<DetectionService>.Instance);
        var failures = Enumerable.Range(0, 12).Select(i =>
            $$"""{"event_id":"bf-{{i}}","timestamp":"2026-11-02T08:5{{i % 10}}:0{{i / 10}}Z","event_type":"login_failure","outcome":"failure","source":"idp","user_id":"u-victim","ip":"203.0.113.9"}""").ToArray();

        Assert.Equal(0, await a.RoundAsync(CancellationToken.None));
        Assert.Equal(0, await b.RoundAsync(CancellationToken.None));
        await store.IngestAsync(failures);
        Assert.Equal(0, await b.RoundAsync(CancellationToken.None)); // not the holder: does nothing
        Assert.True(await a.RoundAsync(CancellationToken.None) > 0);
        Assert.Equal(0, await b.RoundAsync(CancellationToken.None));
    }
}
