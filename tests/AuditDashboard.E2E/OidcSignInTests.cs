using AuditDashboard.Testing;
using System.Text.RegularExpressions;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AuditDashboard.E2E;

/// <summary>A full sign-in and sign-out through a real OpenID Connect provider (code flow with PKCE).</summary>
public sealed class OidcSignInTests(OidcServer server) : LocalOnlyTest, IClassFixture<OidcServer>
{
    // Steps wait for what is on the page (locators, URL assertions), never for load events: a URL wait whose URL
    // already matches waits for a load state instead, which a loaded machine sometimes never reports in time.
    private async Task<IPage> SignInAsync(string login, string landedSelector)
    {
        var context = await LocalOnly.NewContextAsync(server.Browser, new BrowserNewContextOptions { BaseURL = server.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/events");
        await ProviderPages.SignInAsync(page, login, page.Locator(landedSelector));
        return page;
    }

    [Fact]
    public async Task A_user_signs_in_at_the_provider_and_lands_signed_in_with_the_role_from_its_claims()
    {
        var page = await SignInAsync("analyst", "[data-testid=signed-in-user]");
        await Expect(page).ToHaveURLAsync(new Regex("/events$"));
        await AppServer.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync("analyst@provider.test (SecurityAnalyst)");
        await Expect(page.Locator("[data-testid=development-banner]")).ToHaveCountAsync(0);

        // Signing out ends the dashboard cookie and the provider session.
        await page.ClickAsync("form[action='/logout'] button");
        await ProviderPages.ConfirmSignOutAsync(page, page.Locator("[data-testid=signed-out]"));
        await page.GotoAsync("/events");
        await page.Locator("input[name=login]").WaitForAsync(); // the provider's login page again

        await using var db = await server.Services.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContextAsync();
        var own = await db.Events.Where(e => e.Source == "auditdashboard").OrderBy(e => e.Seq).Select(e => new { e.EventType, e.Username, e.Attributes }).ToListAsync();
        Assert.Equal(["login_success", "logout"], own.Select(e => e.EventType));
        Assert.Contains("oidc", own[0].Attributes);
        Assert.Equal("analyst@provider.test", own[0].Username);

        // The provider's forwarder reported the same story from its side: authorization, token, sign-out.
        var provider = await Eventually.HoldsAsync(
            () => db.Events.AsNoTracking().Where(e => e.Source == "oidc-provider:e2e" && e.UserId == "analyst").OrderBy(e => e.Seq).ToListAsync(),
            events => events.Any(e => e.EventType == "logout"), "the provider's logout arriving", _ => "provider log: " + server.ProviderLog);
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
        await Expect(page).ToHaveURLAsync(new Regex("/denied"));
        await Expect(page.Locator("body")).ToContainTextAsync("does not have a role that may open this page");
        await Expect(page.Locator("[data-testid=event-table]")).ToHaveCountAsync(0);
    }
}
