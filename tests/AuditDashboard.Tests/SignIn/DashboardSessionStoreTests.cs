using AuditDashboard.Core.SignIn;
using Microsoft.Extensions.Time.Testing;

namespace AuditDashboard.Tests.SignIn;

public sealed class DashboardSessionStoreTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Absolute = TimeSpan.FromHours(8);

    [Fact]
    public async Task A_session_is_active_until_signed_out_and_never_again_after()
    {
        await using var store = await TempStore.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var sessions = new DashboardSessionStore(store.Factory, clock);
        var id = await sessions.StartAsync("maya");
        Assert.True((await sessions.CheckAsync(id, Idle, Absolute, activity: true)).Active);
        await sessions.EndAsync(id, DashboardSessionStore.SignedOut);
        Assert.Equal(new SessionCheck(false, DashboardSessionStore.SignedOut), await sessions.CheckAsync(id, Idle, Absolute, activity: true));
        Assert.Equal(new SessionCheck(false, DashboardSessionStore.Unknown), await sessions.CheckAsync("forged", Idle, Absolute, activity: true));
        Assert.False((await sessions.CheckAsync(null, Idle, Absolute, activity: true)).Active);
    }

    [Fact]
    public async Task Activity_keeps_a_session_from_going_idle_but_not_past_its_absolute_lifetime()
    {
        await using var store = await TempStore.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var sessions = new DashboardSessionStore(store.Factory, clock);
        var busy = await sessions.StartAsync("busy");
        var idle = await sessions.StartAsync("idle");
        for (int i = 0; i < 34; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(clock.GetUtcNow() < new DateTimeOffset(2026, 11, 2, 17, 0, 0, TimeSpan.Zero),
                (await sessions.CheckAsync(busy, Idle, Absolute, activity: true)).Active);
            if (i == 1) Assert.Equal(new SessionCheck(false, DashboardSessionStore.Idle), await sessions.CheckAsync(idle, Idle, Absolute, activity: false));
        }
        Assert.Equal(new SessionCheck(false, DashboardSessionStore.AbsoluteLifetime), await sessions.CheckAsync(busy, Idle, Absolute, activity: true));
    }
}
