using System.Security.Claims;
using AuditDashboard.Core.SignIn;
using AuditDashboard.Web.Auth;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AuditDashboard.Tests.SignIn;

/// <summary>An open page's periodic check: valid while the session is, and not a moment after it ends.</summary>
public sealed class SessionRevalidationTests
{
    [Fact]
    public async Task An_open_page_loses_its_rights_when_its_session_ends_or_goes_idle()
    {
        await using var store = await TempStore.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var sessions = new DashboardSessionStore(store.Factory, clock);
        var settings = Options.Create(new AuthenticationSettings { RevalidationInterval = TimeSpan.FromSeconds(5) });
        using var revalidation = new SessionRevalidation(NullLoggerFactory.Instance, sessions, settings);
        ClaimsPrincipal User(string id) => new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "maya"), new Claim(SessionCookieEvents.ClaimType, id)], "test"));

        var signedOut = await sessions.StartAsync("maya", ["Auditor"]);
        Assert.True(await revalidation.StillValidAsync(User(signedOut)));
        await sessions.EndAsync(signedOut, DashboardSessionStore.SignedOut);
        Assert.False(await revalidation.StillValidAsync(User(signedOut)));

        var idle = await sessions.StartAsync("maya", ["Auditor"]);
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.True(await revalidation.StillValidAsync(User(idle)));
        // The periodic check itself is not activity: a page left open goes idle.
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await revalidation.StillValidAsync(User(idle)));

        Assert.False(await revalidation.StillValidAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "old-cookie")], "test"))));
        Assert.True(await revalidation.StillValidAsync(new ClaimsPrincipal(new ClaimsIdentity())));
    }
}
