using static Microsoft.Playwright.Assertions;

namespace AuditDashboard.E2E;

public sealed class OverviewTests(AppServer app) : LocalOnlyTest, IClassFixture<AppServer>
{
    [Fact]
    public async Task The_overview_shows_the_demo_figures_and_links_into_the_explorer()
    {
        var page = await app.SignedInPageAsync("SecurityAnalyst", "e2e.analyst@example.test");
        await Expect(page.Locator("[data-testid=kpi-value]").First).Not.ToHaveTextAsync("0");
        await Expect(page.Locator("[data-testid=integrity-status]")).ToContainTextAsync("intact", new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ScreenshotFolder, "overview.png"), FullPage = true });

        // The failure-rate figure opens the explorer on the sign-in failures of the same range.
        await page.Locator("[data-testid=kpi-link]").Nth(1).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/events") && url.Contains("type=login_failure") && url.Contains("from="));
        await Expect(page.Locator("[data-testid=event-row]").First).ToContainTextAsync("login_failure");
    }
}
