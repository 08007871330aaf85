using System.Security.Cryptography;
using static Microsoft.Playwright.Assertions;

namespace AuditDashboard.E2E;

/// <summary>A compliance officer generates a report in the browser and downloads the signed PDF.</summary>
public sealed class ReportTests(AppServer app) : LocalOnlyTest, IClassFixture<AppServer>
{
    [Fact]
    public async Task A_compliance_officer_generates_a_report_and_downloads_the_pdf_whose_hash_the_page_shows()
    {
        var page = await app.SignedInPageAsync("ComplianceOfficer", "e2e.compliance@example.test", returnTo: "/reports");
        await Expect(page.Locator("[data-testid=report-form]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=report-generate]");
        var generated = page.Locator("[data-testid=report-generated]");
        await Expect(generated).ToContainTextAsync("pages, SHA-256", new() { Timeout = 120_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ScreenshotFolder, "reports.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=report-download]"));
        var path = Path.Combine(AppServer.ScreenshotFolder, "report.pdf");
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(bytes)), await generated.TextContentAsync());
        await Expect(page.Locator("[data-testid=report-row]").First).ToContainTextAsync("e2e.compliance@example.test");

        // The controls behind the report, with their live evidence.
        await page.GotoAsync("/controls");
        await AppServer.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=controls-soc2] [data-testid=control-row]").First).ToContainTextAsync("CC2.1");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ScreenshotFolder, "controls.png"), FullPage = true });
    }
}
