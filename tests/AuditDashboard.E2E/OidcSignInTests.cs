using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AuditDashboard.E2E;

/// <summary>A full sign-in and sign-out through a real OpenID Connect provider (code flow with PKCE).</summary>
public sealed class OidcSignInTests(OidcServer server) : IClassFixture<OidcServer>
{
    // URL checks wait for the navigation to commit, not for the 'load' event, which a loaded machine sometimes never
    // reports within the timeout; the steps after them auto-wait on their own locators.
    private static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    private async Task<IPage> SignInAsync(string login, string landedSelector)
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/events");
        await ProviderPages.SignInAsync(page, login, page.Locator(landedSelector));
        return page;
    }

    [Fact]
    public async Task A_user_signs_in_at_the_provider_and_lands_signed_in_with_the_role_from_its_claims()
    {
        var page = await SignInAsync("analyst", "[data-testid=signed-in-user]");
        await page.WaitForURLAsync("**/events", Committed);
        await AppServer.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync("analyst@provider.test (SecurityAnalyst)");
        await Expect(page.Locator("[data-testid=development-banner]")).ToHaveCountAsync(0);

        // Signing out ends the dashboard cookie and the provider session.
        await page.ClickAsync("form[action='/logout'] button");
        await page.WaitForURLAsync(url => url.StartsWith(server.ProviderUrl) || url.EndsWith("/signed-out"), Committed);
        if (page.Url.StartsWith(server.ProviderUrl))
            await page.ClickAsync("button[name=logout][value=yes]"); // the provider asks to confirm the sign-out
        try
        {
            await page.WaitForURLAsync("**/signed-out", new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ScreenshotFolder, "oidc-logout.png") });
            throw new TimeoutException("stuck at " + page.Url + ": " + await page.ContentAsync());
        }
        await page.GotoAsync("/events");
        await page.WaitForURLAsync(url => url.StartsWith(server.ProviderUrl), Committed);

        await using var db = await server.Services.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContextAsync();
        var own = await db.Events.Where(e => e.Source == "auditdashboard").OrderBy(e => e.Seq).Select(e => new { e.EventType, e.Username, e.Attributes }).ToListAsync();
        Assert.Equal(["login_success", "logout"], own.Select(e => e.EventType));
        Assert.Contains("oidc", own[0].Attributes);
        Assert.Equal("analyst@provider.test", own[0].Username);

        // The provider's forwarder reported the same story from its side: authorization, token, sign-out.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<AuditDashboard.Core.Events.AccessEvent> provider;
        do
        {
            await Task.Delay(200);
            provider = await db.Events.AsNoTracking().Where(e => e.Source == "oidc-provider:e2e" && e.UserId == "analyst").OrderBy(e => e.Seq).ToListAsync();
        }
        while (!provider.Any(e => e.EventType == "logout") && DateTime.UtcNow < deadline);
        Assert.True(provider.Any(e => e.EventType == "logout"), "the provider's logout did not arrive; provider log: " + server.ProviderLog);
        var authorization = provider.First(e => e.EventType == "authorization_request" && e.Outcome == "success");
        Assert.Equal("auditdashboard", authorization.ClientId);
        var token = Assert.Single(provider, e => e.EventType == "token_issued" && e.TokenType == "access_token");
        Assert.Equal(("auditdashboard", "authorization_code"), (token.ClientId, token.GrantType));
        Assert.StartsWith("sha256:", token.TokenId); // an opaque token: named by its hash, never by its value
        Assert.Equal("auditdashboard", provider.Single(e => e.EventType == "logout").ClientId);
    }

    [Fact]
    public async Task A_provider_account_without_a_dashboard_role_is_signed_in_but_sees_no_data()
    {
        var page = await SignInAsync("visitor", "[data-testid=no-access]");
        await page.WaitForURLAsync("**/denied**", Committed);
        await Expect(page.Locator("body")).ToContainTextAsync("does not have a role that may open this page");
        await Expect(page.Locator("[data-testid=event-table]")).ToHaveCountAsync(0);
    }
}
