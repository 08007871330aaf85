using AuditDashboard.Core.Compliance;
using AuditDashboard.Core.Detection;
using AuditDashboard.Web.Auth;
using AuditDashboard.Web.Reports;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuditDashboard.Tests.Components;

public sealed class ReportPagesTests : DashboardContext
{
    private void AsComplianceOfficer()
    {
        SignedInAs(Roles.ComplianceOfficer);
        Authorization.SetPolicies(Policies.Viewer, Policies.Compliance);
    }

    [Fact]
    public async Task A_compliance_officer_generates_a_report_that_lands_in_the_history_and_in_the_chain()
    {
        AsComplianceOfficer();
        var page = Render<ReportsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=empty-state]")));
        page.Find("input[data-testid=report-from]").Input("2026-10-25");
        page.Find("input[data-testid=report-to]").Input("2026-11-01");
        await page.InvokeAsync(() => page.Find("[data-testid=report-generate]").Click());

        page.WaitForAssertion(() => Assert.Contains("pages, SHA-256", page.Find("[data-testid=report-generated]").TextContent), TimeSpan.FromSeconds(60));
        Assert.Single(page.FindAll("[data-testid=report-row]"));
        await using var db = Store.CreateDbContext();
        var report = await db.Reports.SingleAsync();
        Assert.Equal("bunit@example.test", report.GeneratedBy);
        Assert.Contains(report.Sha256, page.Find("[data-testid=report-history]").TextContent);
        Assert.Equal($"/reports/{report.Id}/pdf", page.Find("[data-testid=report-download]").GetAttribute("href"));
        Assert.Contains(await db.Events.Where(e => e.Source == "auditdashboard").Select(e => e.Attributes).ToListAsync(),
            a => a!.Contains("report_generated") && a.Contains(report.Sha256));
    }

    [Fact]
    public void A_bad_period_is_named_and_nothing_is_generated()
    {
        AsComplianceOfficer();
        var page = Render<ReportsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=empty-state]")));
        page.Find("input[data-testid=report-from]").Input("last month");
        page.Find("[data-testid=report-generate]").Click();
        page.WaitForAssertion(() => Assert.Contains("From 'last month' is not a date", page.Find("[data-testid=report-error]").TextContent));

        page.Find("input[data-testid=report-from]").Input("2026-11-01");
        page.Find("input[data-testid=report-to]").Input("2026-10-01");
        page.Find("[data-testid=report-generate]").Click();
        page.WaitForAssertion(() => Assert.Contains("the period's start must be before its end", page.Find("[data-testid=report-error]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=report-row]"));
    }

    [Fact]
    public async Task The_controls_page_shows_each_controls_populations_and_open_exceptions_with_links()
    {
        await new DetectionRunner(Store, new DetectionOptions(), TestClock.Default).BackfillAsync(null, null);
        await new Core.Overview.Aggregator(Store).CatchUpAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/controls?range=30d");
        var page = Render<ControlsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=control-row]")));

        var catalog = ControlCatalog.Load();
        var rows = page.FindAll("[data-testid=control-row]");
        Assert.Equal(catalog.For(CatalogFramework.Soc2).Count(), page.Find("[data-testid=controls-soc2]").QuerySelectorAll("[data-testid=control-row]").Length);
        var cc66 = rows.Single(r => r.TextContent.Contains("CC6.6"));
        Assert.Contains("open exception(s)", cc66.QuerySelector("[data-testid=control-status]")!.TextContent);
        Assert.Contains(cc66.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith("/events?type=login_failure&from="));
        Assert.Contains(cc66.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith("/alerts?detector=password_spray&from="));
        Assert.Contains("CC6.4", page.Find("[data-testid=out-of-scope-soc2]").TextContent);
    }
}
