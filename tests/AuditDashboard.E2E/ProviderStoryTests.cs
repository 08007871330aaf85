using AuditDashboard.Testing;
using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static AuditDashboard.E2E.ProviderStoryServer;
using static Microsoft.Playwright.Assertions;

namespace AuditDashboard.E2E;

/// <summary>
/// The whole story with a real OpenID provider: a user signs in to the shop, the shop refreshes its tokens and calls
/// the orders API, the user signs out; the provider, the shop and the API each report what they saw, and the
/// dashboard's session trace puts it together.
/// </summary>
public sealed class ProviderStoryTests(ProviderStoryServer server) : LocalOnlyTest, IClassFixture<ProviderStoryServer>
{
    [Fact]
    public async Task Sign_in_refresh_api_call_and_sign_out_at_a_real_provider_make_one_session_trace_linked_by_session_and_trace_ids()
    {
        // 1. The shop, in the browser: sign in at the provider (login and consent pages), refresh, orders, sign out.
        var shop = await (await LocalOnly.NewContextAsync(server.Browser, new BrowserNewContextOptions { BaseURL = server.ShopUrl })).NewPageAsync();
        await shop.GotoAsync("/");
        await ProviderPages.SignInAsync(shop, "alice", shop.Locator("[data-testid=user]")); // and consents to offline_access, orders:read
        await Expect(shop.Locator("[data-testid=user]")).ToContainTextAsync("Signed in as alice (alice@provider.test)");
        var sid = (await shop.Locator("[data-testid=session-id]").InnerTextAsync()).Trim();
        Assert.False(string.IsNullOrEmpty(sid), "the ID token carries no sid");

        await shop.ClickAsync("button[name=refresh]");
        await Expect(shop.Locator("[data-testid=done]")).ToHaveTextAsync("tokens refreshed");
        await shop.ClickAsync("[data-testid=orders-link]");
        await Expect(shop.Locator("[data-testid=orders-status]")).ToHaveTextAsync("200");
        await Expect(shop.Locator("[data-testid=orders]")).ToContainTextAsync("o-1");
        await shop.GotoAsync("/");
        await shop.ClickAsync("button[name=logout]");
        var signedOut = shop.Locator("[data-testid=signed-out]");
        await ProviderPages.ConfirmSignOutAsync(shop, signedOut);
        await Expect(signedOut).ToBeVisibleAsync();

        // 2. The dashboard has every side's events (the collectors ship every 200 ms, the forwarder at once).
        var events = await WaitForStoryAsync(sid);
        AccessEvent One(string source, string type, Func<AccessEvent, bool>? where = null) =>
            Assert.Single(events, e => e.Source == source && e.EventType == type && (where is null || where(e)));

        var authorization = One(ProviderSource, EventTypes.AuthorizationRequest);
        Assert.Equal(("alice", "shop", "success"), (authorization.UserId, authorization.ClientId, authorization.Outcome));
        var issuedAccess = One(ProviderSource, EventTypes.TokenIssued, e => e.TokenType == TokenTypes.AccessToken);
        var issuedRefresh = One(ProviderSource, EventTypes.TokenIssued, e => e.TokenType == TokenTypes.RefreshToken);
        var refreshedAccess = One(ProviderSource, EventTypes.TokenRefreshed, e => e.TokenType == TokenTypes.AccessToken);
        var rotatedRefresh = One(ProviderSource, EventTypes.TokenRefreshed, e => e.TokenType == TokenTypes.RefreshToken);
        One(ProviderSource, EventTypes.Logout);
        // The provider and the shop name every token alike: a JWT by its jti, an opaque token by its hash.
        Assert.Equal(issuedRefresh.TokenId, refreshedAccess.ParentTokenId);
        Assert.Equal(issuedRefresh.TokenId, rotatedRefresh.ParentTokenId);
        Assert.StartsWith("sha256:", issuedRefresh.TokenId);
        Assert.DoesNotContain(":", issuedAccess.TokenId); // a JWT access token's jti
        Assert.Equal(issuedAccess.TokenId, One(ShopSource, EventTypes.TokenIssued, e => e.TokenType == TokenTypes.AccessToken).TokenId);
        Assert.Equal(issuedRefresh.TokenId, One(ShopSource, EventTypes.TokenIssued, e => e.TokenType == TokenTypes.RefreshToken).TokenId);
        Assert.Equal(refreshedAccess.TokenId, One(ShopSource, EventTypes.TokenRefreshed, e => e.TokenType == TokenTypes.AccessToken).TokenId);
        var login = One(ShopSource, EventTypes.LoginSuccess);
        Assert.Equal(("alice", "alice@provider.test"), (login.UserId, login.Username));
        // The shop's sign-out revoked the rotated refresh token; at the provider that ends its whole grant.
        Assert.Equal(rotatedRefresh.TokenId, One(ShopSource, EventTypes.TokenRevoked).TokenId);
        Assert.Equal(["refresh_token.destroyed", "grant.revoked", "grant.revoked", "grant.revoked"],
            new[] { rotatedRefresh, refreshedAccess, issuedAccess, issuedRefresh }.Select(t => ProviderEvent(One(ProviderSource, EventTypes.TokenRevoked, e => e.TokenId == t.TokenId))));

        // Trace ids: the shop's back-channel refresh carried its trace to the provider, its API call to the API.
        var shopRefresh = One(ShopSource, EventTypes.ResourceAccess, e => e.Resource == "/refresh");
        Assert.NotNull(shopRefresh.TraceId);
        Assert.Equal(shopRefresh.TraceId, refreshedAccess.TraceId);
        var shopOrders = One(ShopSource, EventTypes.ResourceAccess, e => e.Resource == "/orders");
        var validated = One(ApiSource, EventTypes.TokenValidated);
        var apiOrders = One(ApiSource, EventTypes.ResourceAccess);
        Assert.Equal(refreshedAccess.TokenId, validated.TokenId); // the API saw the refreshed access token
        Assert.Equal((shopOrders.TraceId, shopOrders.TraceId), (validated.TraceId, apiOrders.TraceId));
        Assert.Equal((200, "alice"), (apiOrders.HttpStatus, apiOrders.UserId));
        // No raw token anywhere: every token id is a jti or a hash.
        Assert.DoesNotContain(events, e => (e.TokenId ?? "").StartsWith("eyJ") || (e.Attributes ?? "").Contains("eyJ"));

        // A benign session: the detectors, run over all of it, raise nothing (one refresh reported four times is not reuse).
        await server.Services.GetRequiredService<DetectionRunner>().CatchUpAsync();
        await using (var db = await server.Services.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContextAsync())
        {
            Assert.Empty(await db.Alerts.Select(a => a.Detector + ": " + a.Explanation).ToListAsync());
        }

        // 3. An auditor opens the session in the dashboard and sees the whole story.
        var dashboard = await AppServer.DevelopmentSignInAsync(server.Browser, server.DashboardUrl, "Auditor", "e2e.auditor@example.test", $"/sessions/{Uri.EscapeDataString(sid)}");
        var rows = dashboard.Locator("[data-testid=trace-row]");
        await Expect(rows).ToHaveCountAsync(events.Count);
        await Expect(dashboard.Locator("[data-testid=trace-alerts]")).ToHaveCountAsync(0);
        // The shop's server calling the provider and the API is not a change of the user's device.
        await Expect(dashboard.Locator("[data-testid=change]")).ToHaveCountAsync(0);
        foreach (var (source, type) in new[]
        {
            (ProviderSource, "authorization_request"), (ShopSource, "login_success"), (ProviderSource, "token_issued"), (ProviderSource, "token_refreshed"),
            (ShopSource, "token_refreshed"), (ApiSource, "token_validated"), (ApiSource, "resource_access"), (ShopSource, "token_revoked"), (ProviderSource, "logout"),
        })
        {
            await Expect(rows.Filter(new() { HasText = source }).Filter(new() { HasText = type }).First).ToBeVisibleAsync();
        }
        // The API's rows show the same trace as the shop's call to it.
        var apiRow = rows.Filter(new() { HasText = ApiSource }).Filter(new() { HasText = "token_validated" });
        await Expect(apiRow.Locator("[data-testid=trace-id]")).ToHaveTextAsync(shopOrders.TraceId![..8]);
        // The token lifecycle: the first refresh token, refreshed into a new access token (validated once) and a
        // new refresh token, revoked at sign-out.
        var chains = dashboard.Locator("[data-testid=token-chains]");
        await Expect(chains).ToContainTextAsync("validated 1×");
        await Expect(chains).ToContainTextAsync("revoked");
        Directory.CreateDirectory(AppServer.ScreenshotFolder);
        await dashboard.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ScreenshotFolder, "provider-story-trace.png"), FullPage = true });
    }

    private static string? ProviderEvent(AccessEvent e) =>
        System.Text.Json.JsonDocument.Parse(e.Attributes!).RootElement.GetProperty("provider_event").GetString();

    /// <summary>The session's events and those linked to it, once the sign-out and the API call have arrived from every side.</summary>
    private async Task<List<AccessEvent>> WaitForStoryAsync(string sid)
    {
        async Task<List<AccessEvent>> TraceAsync()
        {
            await using var db = await server.Services.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContextAsync();
            return (await AuditDashboard.Core.Sessions.SessionQueries.TraceAsync(db, sid))?.Timeline.Select(t => t.Event).ToList() ?? [];
        }
        await Eventually.HoldsAsync(TraceAsync,
            events => events.Any(e => e.Source == ProviderSource && e.EventType == EventTypes.Logout)
                      && events.Any(e => e.Source == ProviderSource && e.EventType == EventTypes.TokenRevoked)
                      && events.Any(e => e.Source == ShopSource && e.EventType == EventTypes.TokenRevoked)
                      && events.Any(e => e.Source == ApiSource && e.EventType == EventTypes.ResourceAccess),
            "the story arriving complete from provider, shop and API",
            events => $"{string.Join(", ", events.Select(e => $"{e.Source}/{e.EventType}"))}; provider log: {server.ProviderLog}");
        await Task.Delay(1000); // a quiet moment, not a wait for a condition: anything still in flight lands in it
        return await TraceAsync();
    }
}
