using System.Net;
using AuditDashboard.IntegrationTests.Infrastructure;
using AuditDashboard.Web.Auth;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace AuditDashboard.IntegrationTests.Dashboard;

/// <summary>A dashboard cookie is worth nothing once its sign-in has ended: signed out, idle, or past its lifetime.</summary>
public sealed class SignOutTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _db.Dispose();

    // The replays go through the export endpoint, many in one real minute while the fake clock moves hours.
    private AppFactory App() => new(_db.Path, new Dictionary<string, string?> { ["RateLimits:ExportPerMinute"] = "1000" }, configureServices: services =>
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(_clock);
    });

    /// <summary>Signs in and returns the session cookie as a copy that another client can replay.</summary>
    private static async Task<(HttpClient Browser, string Cookie)> SignInAsync(AppFactory app)
    {
        var browser = DashboardClient.Anonymous(app);
        var response = await DashboardClient.PostLoginAsync(browser, "maya", Roles.Auditor);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("auditdashboard=", StringComparison.Ordinal));
        return (browser, cookie);
    }

    private static async Task<HttpStatusCode> ReplayAsync(AppFactory app, string cookie)
    {
        using var replay = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/export/events.csv");
        request.Headers.Add("Cookie", cookie);
        return (await replay.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_refused()
    {
        await using var app = App();
        var (browser, cookie) = await SignInAsync(app);
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(app, cookie));

        var token = await DashboardClient.TokenFromAsync(browser, "/");
        var logout = await browser.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(app, cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/export/events.csv")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_ends_after_the_idle_timeout()
    {
        await using var app = App();
        var (_, cookie) = await SignInAsync(app);
        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(app, cookie));
        _clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(app, cookie));
    }

    [Fact]
    public async Task A_busy_sign_in_still_ends_at_its_absolute_lifetime()
    {
        await using var app = App();
        var (_, cookie) = await SignInAsync(app);
        for (int i = 0; i < 23; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, await ReplayAsync(app, cookie));
        }
        _clock.Advance(TimeSpan.FromMinutes(21));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(app, cookie));
    }

    [Fact]
    public async Task Lifetimes_are_configuration_validated_at_start()
    {
        await using var app = new AppFactory(_db.Path, new Dictionary<string, string?>
        {
            ["Authentication:AbsoluteLifetime"] = "00:01:00", ["Authentication:IdleTimeout"] = "1.00:00:00", ["Authentication:RevalidationInterval"] = "00:00:00",
        });
        var ex = Assert.ThrowsAny<Exception>(() => app.CreateClient()).ToString();
        Assert.Contains("Authentication:AbsoluteLifetime must be", ex);
        Assert.Contains("Authentication:IdleTimeout must be", ex);
        Assert.Contains("Authentication:RevalidationInterval must be", ex);
    }
}
