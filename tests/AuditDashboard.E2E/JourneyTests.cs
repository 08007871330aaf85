using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace AuditDashboard.E2E;

/// <summary>
/// The three people's days as tests, in a real browser: each page they pass is checked with axe-core and
/// photographed at 1440 and 390 px (screenshots/, to be looked at).
/// </summary>
public sealed class JourneyTests(AppServer app) : LocalOnlyTest, IClassFixture<AppServer>
{
    [Fact]
    public async Task The_auditor_goes_from_the_overview_to_a_failing_ip_an_event_its_session_trace_and_the_raw_json()
    {
        var page = await app.SignedInPageAsync("Auditor", "e2e.auditor@example.test", returnTo: "/");
        await Expect(page.Locator("[data-testid=kpis]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=range-7d]")).ToHaveAttributeAsync("aria-current", "true");
        await PageChecks.CheckAsync(page, "auditor-overview");

        // A failing IP from the overview's list, then every event from it; one that belongs to a session.
        var ips = await page.Locator("a[href*='ip=']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(ips);
        await page.Locator("a[href*='ip=']").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/events?") && url.Contains("ip="));
        await AppServer.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=event-row]").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=result-count]")).ToContainTextAsync("event");
        await PageChecks.CheckAsync(page, "auditor-failing-ip");

        string? withSession = null;
        foreach (var href in ips)
        {
            var ip = Uri.UnescapeDataString(href.Split("ip=")[1].Split('&')[0]);
            await page.GotoAsync("/events?ip=" + Uri.EscapeDataString(ip));
            await AppServer.WaitForCircuitAsync(page);
            await Expect(page.Locator("[data-testid=event-row]").First).ToBeVisibleAsync();
            if (await page.Locator("[data-testid=event-row] a[href^='/sessions/']").CountAsync() > 0)
            {
                withSession = ip;
                break;
            }
        }
        Assert.NotNull(withSession);
        // Keyboard: Tab to a row with a session, Enter opens it.
        var row = page.Locator("[data-testid=event-row]", new() { Has = page.Locator("a[href^='/sessions/']") }).First;
        await row.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-testid=raw-json]")).ToContainTextAsync("\"hash\"");
        await PageChecks.AccessibleAsync(page, "auditor-event-drawer");
        await page.Keyboard.PressAsync("Escape");

        await row.ClickAsync();
        await page.ClickAsync("[data-testid=open-session]");
        await page.WaitForURLAsync("**/sessions/**");
        await AppServer.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=trace-row]").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=user-agent]").First).Not.ToBeEmptyAsync();
        await PageChecks.CheckAsync(page, "auditor-session-trace");

        await page.Locator("[data-testid=trace-row]").First.ClickAsync();
        await Expect(page.Locator("[data-testid=raw-json]")).ToContainTextAsync("\"prev_hash\"");
        await page.ClickAsync("[data-testid=event-link]");
        await page.WaitForURLAsync("**/events/*");
        await AppServer.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=raw-json]")).ToContainTextAsync("\"hash\"");
        await PageChecks.CheckAsync(page, "auditor-raw-event");
    }

    [Fact]
    public async Task The_analyst_triages_an_alert_sees_its_history_and_a_bulk_action_on_a_mixed_selection_skips_the_decided_one()
    {
        var page = await app.SignedInPageAsync("SecurityAnalyst", "e2e.analyst@example.test", returnTo: "/alerts?status=open");
        await Expect(page.Locator("[data-testid=alert-row]").Nth(1)).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "analyst-queue");

        // Resolve the first open alert, with a note.
        var href = await page.Locator("[data-testid=alert-row] a").First.GetAttributeAsync("href");
        await page.GotoAsync(href!);
        await AppServer.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=alert-explanation]")).Not.ToBeEmptyAsync();
        await page.Locator("[data-testid=triage-status]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "resolved" }).ClickAsync();
        await page.Locator("input[data-testid=triage-note]").FillAsync("password reset and sessions revoked");
        await Expect(page.Locator("input[data-testid=triage-note]")).ToHaveValueAsync("password reset and sessions revoked");
        await page.ClickAsync("[data-testid=triage-save]");
        await Expect(page.Locator("[data-testid=alert-history]")).ToContainTextAsync("password reset and sessions revoked");
        await Expect(page.Locator("[data-testid=alert-status]")).ToHaveTextAsync("resolved");
        await PageChecks.CheckAsync(page, "analyst-alert");

        // The resolved alert and an open one, acknowledged together: the open one moves, the decision stays.
        var id = href!.Split('/')[^1];
        await page.GotoAsync("/alerts");
        await AppServer.WaitForCircuitAsync(page);
        var resolvedRow = page.Locator("[data-testid=alert-row]", new() { Has = page.Locator($"a[href='/alerts/{id}']") });
        var openRow = page.Locator("[data-testid=alert-row]", new() { HasText = "open" }).First;
        await resolvedRow.Locator("[data-testid=alert-select]").CheckAsync();
        await openRow.Locator("[data-testid=alert-select]").CheckAsync();
        await Expect(page.Locator("[data-testid=bulk-acknowledge]")).ToContainTextAsync("Acknowledge 2 selected");
        await page.ClickAsync("[data-testid=bulk-acknowledge]");
        await Expect(page.Locator("text=skipped")).ToBeVisibleAsync();
        await Expect(resolvedRow).ToContainTextAsync("resolved");
        await PageChecks.CheckAsync(page, "analyst-bulk");
    }

    [Fact]
    public async Task The_compliance_officer_makes_a_scoped_report_downloads_it_and_the_pdf_reads_back()
    {
        var page = await app.SignedInPageAsync("ComplianceOfficer", "e2e.compliance@example.test", returnTo: "/reports");
        await Expect(page.Locator("[data-testid=report-form]")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "officer-reports");

        await page.ClickAsync("[data-testid=preset-last-7-days]");
        await page.Locator("[data-testid=report-sources]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "keycloak:acme" }).ClickAsync();
        // A multi-select stays open for more choices; Esc closes it, or a second click on it when the key went elsewhere.
        var openList = page.Locator(".mud-popover-open .mud-list-item");
        await page.Keyboard.PressAsync("Escape");
        try
        {
            await Expect(openList).ToHaveCountAsync(0, new() { Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            await page.Locator("[data-testid=report-sources]").ClickAsync(new() { Force = true });
            await Expect(openList).ToHaveCountAsync(0);
        }
        await Expect(page.Locator("[data-testid=report-sources]")).ToHaveValueAsync("keycloak:acme");
        await page.ClickAsync("[data-testid=report-generate]");
        var generated = page.Locator("[data-testid=report-generated]");
        await Expect(generated).ToContainTextAsync("pages, SHA-256", new() { Timeout = 120_000 });
        await Expect(page.Locator("[data-testid=report-row]").First).ToContainTextAsync("sources keycloak:acme");
        await PageChecks.CheckAsync(page, "officer-report-made");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=report-download]"));
        var path = Path.Combine(AppServer.ScreenshotFolder, "officer-report.pdf");
        await download.SaveAsAsync(path);
        using var pdf = PdfDocument.Open(path);
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("sources keycloak:acme", text);
        Assert.Contains("Use of this dashboard", text);
        Assert.Contains("Management's response", text);
        Assert.DoesNotContain("`", text);
    }

    [Theory]
    [InlineData("/sessions", "[data-testid=session-table]", "pages-sessions")]
    [InlineData("/controls", "[data-testid=controls-soc2]", "pages-controls")]
    [InlineData("/import", "[data-testid=import-file]", "pages-import")]
    [InlineData("/no-such-page", "h5:has-text('Not found')", "pages-not-found")]
    public async Task Every_other_page_passes_the_same_checks(string path, string selector, string name)
    {
        var page = await app.SignedInPageAsync("Administrator", "e2e.admin@example.test", returnTo: "/");
        await page.GotoAsync(path);
        await AppServer.WaitForCircuitAsync(page);
        await Expect(page.Locator(selector).First).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, name);
    }
}
