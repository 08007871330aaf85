using AuditDashboard.Core.Detection;
using AuditDashboard.Web.Alerts;
using AuditDashboard.Web.Auth;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Tests.Components;

public sealed class AlertPagesTests : DashboardContext
{
    private async Task<Alert> DetectAsync(string detector)
    {
        await new DetectionRunner(Store, new DetectionOptions(), TimeProvider.System).BackfillAsync(null, null);
        await using var db = Store.CreateDbContext();
        return await db.Alerts.AsNoTracking().FirstAsync(a => a.Detector == detector);
    }

    [Fact]
    public async Task The_queue_lists_the_detected_attacks()
    {
        await DetectAsync("brute_force");
        var page = Render<AlertsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=alert-row]")), TimeSpan.FromSeconds(10));
        Assert.Contains("brute_force", page.Find("[data-testid=alert-table]").TextContent);
        Assert.Contains("mfa_fatigue", page.Find("[data-testid=alert-table]").TextContent);
    }

    [Fact]
    public async Task An_analyst_triages_an_alert_and_the_change_lands_in_its_history_and_in_the_chain()
    {
        var alert = await DetectAsync("password_spray");
        Authorization.SetRoles(Roles.SecurityAnalyst);
        Authorization.SetPolicies(Policies.Viewer, Policies.Analyst);
        var page = Render<AlertPage>(p => p.Add(x => x.Id, alert.Id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=triage]")), TimeSpan.FromSeconds(10));
        Assert.Contains("different accounts", page.Find("[data-testid=alert-explanation]").TextContent);

        page.Find("input[data-testid=triage-note]").Change("spray from a hosting ASN; IP blocked at the WAF");
        await page.InvokeAsync(() => page.FindAll("[data-testid=triage-save]")[0].Click());
        page.WaitForAssertion(() => Assert.Contains("blocked at the WAF", page.Find("[data-testid=alert-history]").TextContent), TimeSpan.FromSeconds(10));

        await using var db = Store.CreateDbContext();
        var history = await db.AlertHistory.Where(h => h.AlertId == alert.Id).OrderBy(h => h.Id).ToListAsync();
        Assert.Equal(2, history.Count);
        Assert.Equal("bunit@example.test", history[1].Actor);
        Assert.Contains(await db.Events.Where(e => e.Source == "auditdashboard").Select(e => e.Attributes).ToListAsync(), a => a!.Contains("alert_triage"));
    }

    [Fact]
    public async Task Session_traces_and_the_overview_show_the_alerts_that_concern_them()
    {
        var hijack = await DetectAsync("session_hijack");
        var trace = Render<AuditDashboard.Web.Sessions.SessionTracePage>(p => p.Add(x => x.Id, hijack.Subject));
        trace.WaitForAssertion(() => Assert.Contains("session_hijack (open)", trace.Find("[data-testid=trace-alerts]").TextContent), TimeSpan.FromSeconds(10));

        var overview = Render<AuditDashboard.Web.Overview.OverviewPage>();
        overview.WaitForAssertion(() => Assert.Contains(overview.FindAll("[data-testid=kpi-link]"), a => a.GetAttribute("href") == "/alerts?status=open"), TimeSpan.FromSeconds(10));
        var openAlerts = overview.FindAll("[data-testid=kpi-link]").Single(a => a.GetAttribute("href") == "/alerts?status=open");
        Assert.NotEqual("0", openAlerts.QuerySelector("[data-testid=kpi-value]")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_analyst_acknowledges_several_alerts_at_once_and_each_gets_its_history_entry()
    {
        await DetectAsync("brute_force");
        Authorization.SetRoles(Roles.SecurityAnalyst);
        Authorization.SetPolicies(Policies.Viewer, Policies.Analyst);
        var page = Render<AlertsPage>();
        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=alert-select]").Count >= 2), TimeSpan.FromSeconds(10));
        page.FindAll("[data-testid=alert-select]")[0].Change(true);
        page.FindAll("[data-testid=alert-select]")[1].Change(true);
        await page.InvokeAsync(() => page.Find("[data-testid=bulk-acknowledge]").Click());
        page.WaitForAssertion(() => Assert.Contains("2 alert(s) acknowledged", page.Markup), TimeSpan.FromSeconds(10));

        await using var db = Store.CreateDbContext();
        var acknowledged = await db.Alerts.Where(a => a.Status == AlertStatuses.Acknowledged).Select(a => a.Id).ToListAsync();
        Assert.Equal(2, acknowledged.Count);
        Assert.Equal(2, await db.AlertHistory.CountAsync(h => h.ToStatus == AlertStatuses.Acknowledged && h.Note == "bulk acknowledge"));
    }

    [Fact]
    public async Task Auditors_see_an_alert_but_cannot_change_it()
    {
        var alert = await DetectAsync("brute_force");
        var page = Render<AlertPage>(p => p.Add(x => x.Id, alert.Id));
        page.WaitForAssertion(() => Assert.Contains("Triage is for security analysts", page.Markup), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=triage]"));
        var queue = Render<AlertsPage>();
        queue.WaitForAssertion(() => Assert.NotEmpty(queue.FindAll("[data-testid=alert-row]")), TimeSpan.FromSeconds(10));
        Assert.Empty(queue.FindAll("[data-testid=alert-select]"));
        Assert.Empty(queue.FindAll("[data-testid=bulk-acknowledge]"));
        Assert.NotEmpty(page.FindAll("[data-testid=event-row]"));
    }
}
