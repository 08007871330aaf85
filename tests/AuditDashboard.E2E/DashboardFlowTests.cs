using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AuditDashboard.E2E;

/// <summary>What a new auditor does: sign in, filter the explorer by a user, open a session trace, export CSV.</summary>
public sealed class DashboardFlowTests(AppServer app) : LocalOnlyTest, IClassFixture<AppServer>
{
    [Fact]
    public async Task An_auditor_signs_in_filters_by_user_opens_a_session_trace_and_exports_csv()
    {
        var page = await app.SignedInPageAsync("Auditor", returnTo: "/events");
        await Expect(page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync("e2e.auditor@example.test (Auditor)");
        await Expect(page.Locator("[data-testid=development-banner]")).ToBeVisibleAsync();

        // The explorer lists the demo traffic; pick the user of the first sign-in and filter by it.
        await Expect(page.Locator("[data-testid=event-row]").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ScreenshotFolder, "explorer.png"), FullPage = true });
        await page.GotoAsync("/events?type=login_success&source=keycloak:acme");
        await AppServer.WaitForCircuitAsync(page);
        var firstRow = page.Locator("[data-testid=event-row]").First;
        await Expect(firstRow).ToBeVisibleAsync();
        var username = (await firstRow.Locator("td").Nth(3).InnerTextAsync()).Trim();

        await page.GotoAsync("/events");
        await AppServer.WaitForCircuitAsync(page);
        await page.Locator("input[data-testid=filter-user]").FillAsync(username);
        await Expect(page.Locator("input[data-testid=filter-user]")).ToHaveValueAsync(username);
        // The keystrokes and the click travel the same circuit, but the text field applies its value asynchronously;
        // on a loaded machine the click can overtake it. Apply again until the filter is in the URL.
        for (int attempt = 1; ; attempt++)
        {
            await page.ClickAsync("[data-testid=apply-filter]");
            try
            {
                await page.WaitForURLAsync(url => url.Contains("user="), new() { Timeout = 10_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
        // The URL changes before the page has read the filtered events: wait for the filtered rows, not just any rows.
        await Expect(page.Locator("[data-testid=event-row] td:nth-child(4)").First).ToHaveTextAsync(username);
        foreach (var cell in await page.Locator("[data-testid=event-row] td:nth-child(4)").AllInnerTextsAsync())
            Assert.Equal(username, cell.Trim());

        // The drawer shows the raw event; from there, the session trace.
        // The demo traffic ends now, so the user's newest 50 events may all come after their sign-in: then any of them
        // (they belong to the session that sign-in began) leads to the same trace.
        var rows = page.Locator("[data-testid=event-row]");
        var signIns = rows.Filter(new() { HasText = "login_success" });
        await (await signIns.CountAsync() > 0 ? signIns.First : rows.First).Locator("td").First.ClickAsync();
        await Expect(page.Locator("[data-testid=raw-json]")).ToContainTextAsync("\"hash\"");
        var sessionButton = page.Locator("[data-testid=open-session]");
        await sessionButton.ClickAsync();
        await page.WaitForURLAsync("**/sessions/**");
        await Expect(page.Locator("[data-testid=trace-row]").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=trace-table]")).ToContainTextAsync("login_success");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ScreenshotFolder, "session-trace.png"), FullPage = true });

        // Back to the explorer, export what the filter shows.
        await page.GotoAsync("/events?user=" + Uri.EscapeDataString(username));
        await AppServer.WaitForCircuitAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-csv]"));
        var path = Path.Combine(AppServer.ScreenshotFolder, "export.csv");
        await download.SaveAsAsync(path);
        var lines = await File.ReadAllLinesAsync(path);
        Assert.StartsWith("seq,timestamp,received_at,event_id", lines[0]);
        Assert.True(lines.Length > 1);
        Assert.All(lines.Skip(1), l => Assert.Contains(username, l));
    }
}
