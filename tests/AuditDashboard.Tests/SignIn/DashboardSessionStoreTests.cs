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
        var id = await sessions.StartAsync("maya", ["Auditor"]);
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
        var busy = await sessions.StartAsync("busy", ["Auditor"]);
        var idle = await sessions.StartAsync("idle", ["Auditor"]);
        for (int i = 0; i < 34; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(clock.GetUtcNow() < new DateTimeOffset(2026, 11, 2, 17, 0, 0, TimeSpan.Zero),
                (await sessions.CheckAsync(busy, Idle, Absolute, activity: true)).Active);
            if (i == 1) Assert.Equal(new SessionCheck(false, DashboardSessionStore.Idle), await sessions.CheckAsync(idle, Idle, Absolute, activity: false));
        }
        Assert.Equal(new SessionCheck(false, DashboardSessionStore.AbsoluteLifetime), await sessions.CheckAsync(busy, Idle, Absolute, activity: true));
    }

    [Fact]
    public async Task A_sign_in_with_other_roles_ends_the_users_open_sessions_and_one_with_the_same_roles_does_not()
    {
        await using var store = await TempStore.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var sessions = new DashboardSessionStore(store.Factory, clock);
        var laptop = await sessions.StartAsync("maya", ["SecurityAnalyst", "Administrator"]);
        var phone = await sessions.StartAsync("maya", ["Administrator", "SecurityAnalyst"]);
        var other = await sessions.StartAsync("omar", ["Auditor"]);
        Assert.True((await sessions.CheckAsync(laptop, Idle, Absolute, activity: false)).Active);

        // The provider took Administrator away; the next sign-in carries only SecurityAnalyst.
        var demoted = await sessions.StartAsync("maya", ["SecurityAnalyst"]);
        Assert.Equal(new SessionCheck(false, DashboardSessionStore.RolesChanged), await sessions.CheckAsync(laptop, Idle, Absolute, activity: false));
        Assert.Equal(new SessionCheck(false, DashboardSessionStore.RolesChanged), await sessions.CheckAsync(phone, Idle, Absolute, activity: false));
        Assert.True((await sessions.CheckAsync(demoted, Idle, Absolute, activity: false)).Active);
        Assert.True((await sessions.CheckAsync(other, Idle, Absolute, activity: false)).Active);
    }
}
