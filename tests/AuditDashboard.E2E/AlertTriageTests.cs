using static Microsoft.Playwright.Assertions;

namespace AuditDashboard.E2E;

/// <summary>An analyst follows an alert from the queue to its evidence and triages it in the browser.</summary>
public sealed class AlertTriageTests(AppServer app) : LocalOnlyTest, IClassFixture<AppServer>
{
    [Fact]
    public async Task An_analyst_acknowledges_an_alert_with_a_note_and_sees_it_in_the_history()
    {
        var page = await app.SignedInPageAsync("SecurityAnalyst", "e2e.analyst@example.test", returnTo: "/alerts?detector=brute_force");
        await Expect(page.Locator("[data-testid=alert-row]").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ScreenshotFolder, "alerts.png"), FullPage = true });

        await page.Locator("[data-testid=alert-row] a").First.ClickAsync();
        await page.WaitForURLAsync("**/alerts/*");
        await AppServer.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=alert-explanation]")).ToContainTextAsync("failed sign-ins for");
        await Expect(page.Locator("[data-testid=event-row]").First).ToContainTextAsync("login_failure");

        await page.Locator("input[data-testid=triage-note]").FillAsync("account locked by the IdP; source IP blocked");
        await page.ClickAsync("[data-testid=triage-save]");
        await Expect(page.Locator("[data-testid=alert-history]")).ToContainTextAsync("source IP blocked");
        await Expect(page.Locator("[data-testid=alert-history]")).ToContainTextAsync("e2e.analyst@example.test");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ScreenshotFolder, "alert.png"), FullPage = true });
    }
}
