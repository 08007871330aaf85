using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Geo;
using AuditDashboard.Web.Alerts;
using AuditDashboard.Web.Auth;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuditDashboard.Tests.Components;

public sealed class AlertPagesTests : DashboardContext
{
    private async Task<Alert> DetectAsync(string detector)
    {
        await new DetectionRunner(Store, new DetectionOptions(), TestClock.Default).BackfillAsync(null, null);
        await using var db = Store.CreateDbContext();
        return await db.Alerts.AsNoTracking().FirstAsync(a => a.Detector == detector);
    }

    [Fact]
    public async Task An_alert_names_its_user_draws_its_places_over_coastlines_and_offers_triagers_as_assignees()
    {
        var alert = await DetectAsync("impossible_travel");
        SignedInAs(Roles.SecurityAnalyst);
        Authorization.SetPolicies(Policies.Viewer, Policies.Analyst);
        var page = Render<AlertPage>(p => p.Add(x => x.Id, alert.Id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=alert-map]")));
        // The user's name, with the opaque id beside it.
        await using (var db = Store.CreateDbContext())
        {
            var name = await db.Events.Where(e => e.UserId == alert.Subject && e.Username != null).Select(e => e.Username).FirstAsync();
            Assert.Equal($"{name} ({alert.Subject})", page.Find("[data-testid=alert-subject]").TextContent);
        }
        // Real coastlines (Natural Earth land, shipped in the app): a long path, and both places and the speed said.
        Assert.True(page.Find("[data-testid=coastlines]").GetAttribute("d")!.Length > 10_000);
        Assert.Matches(@"km/h\.$", page.Find("[data-testid=alert-speed]").TextContent.Trim());
        Assert.Equal(2, page.FindAll("[data-testid=alert-map] circle").Count);
        // One button per session, each saying which (impossible travel spans two sign-ins, so two sessions).
        var traces = page.FindAll("[data-testid=alert-session-trace]").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal(traces.Distinct().Count(), traces.Count);

        // The assignee is picked from people who signed in with a triage role (the analyst's own session here).
        await new AuditDashboard.Core.SignIn.DashboardSessionStore(Store, TestClock.Default).StartAsync("ana.analyst@acme.example", [Roles.SecurityAnalyst]);
        await using (var db = Store.CreateDbContext())
            Assert.Equal(["ana.analyst@acme.example"], await Triagers.ListAsync(db)); // the auditor's own sign-in is not one
    }

    [Fact]
    public async Task The_dormant_account_alert_is_dated_when_it_fired_not_at_the_previous_sign_in()
    {
        var alert = await DetectAsync("dormant_account_reactivation");
        await using var db = Store.CreateDbContext();
        var seqs = System.Text.Json.JsonSerializer.Deserialize<long[]>(alert.Evidence)!;
        var fired = await db.Events.Where(e => e.Seq == seqs.Max()).Select(e => e.Timestamp).SingleAsync();
        Assert.Equal((fired, fired), (alert.WindowStart, alert.WindowEnd));
        Assert.Contains("previous sign-in", alert.Explanation);
    }

    [Fact]
    public async Task The_queue_lists_the_detected_attacks()
    {
        await DetectAsync("brute_force");
        var page = Render<AlertsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=alert-row]")));
        Assert.Contains("brute_force", page.Find("[data-testid=alert-table]").TextContent);
        Assert.Contains("mfa_fatigue", page.Find("[data-testid=alert-table]").TextContent);
    }

    [Fact]
    public async Task An_analyst_triages_an_alert_and_the_change_lands_in_its_history_and_in_the_chain()
    {
        var alert = await DetectAsync("password_spray");
        SignedInAs(Roles.SecurityAnalyst);
        Authorization.SetPolicies(Policies.Viewer, Policies.Analyst);
        var page = Render<AlertPage>(p => p.Add(x => x.Id, alert.Id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=triage]")));
        Assert.Contains("different accounts", page.Find("[data-testid=alert-explanation]").TextContent);

        page.Find("input[data-testid=triage-note]").Change("spray from a hosting ASN; IP blocked at the WAF");
        await page.InvokeAsync(() => page.FindAll("[data-testid=triage-save]")[0].Click());
        page.WaitForAssertion(() => Assert.Contains("blocked at the WAF", page.Find("[data-testid=alert-history]").TextContent));

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
        trace.WaitForAssertion(() => Assert.Contains("session_hijack (open)", trace.Find("[data-testid=trace-alerts]").TextContent));

        var overview = Render<AuditDashboard.Web.Overview.OverviewPage>();
        overview.WaitForAssertion(() => Assert.Contains(overview.FindAll("[data-testid=kpi-link]"), a => a.GetAttribute("href") == "/alerts?status=open"));
        var openAlerts = overview.FindAll("[data-testid=kpi-link]").Single(a => a.GetAttribute("href") == "/alerts?status=open");
        Assert.NotEqual("0", openAlerts.QuerySelector("[data-testid=kpi-value]")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_analyst_acknowledges_several_alerts_at_once_and_each_gets_its_history_entry()
    {
        await DetectAsync("brute_force");
        SignedInAs(Roles.SecurityAnalyst);
        Authorization.SetPolicies(Policies.Viewer, Policies.Analyst);
        var page = Render<AlertsPage>();
        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=alert-select]").Count >= 2));
        page.FindAll("[data-testid=alert-select]")[0].Change(true);
        page.FindAll("[data-testid=alert-select]")[1].Change(true);
        await page.InvokeAsync(() => page.Find("[data-testid=bulk-acknowledge]").Click());
        page.WaitForAssertion(() => Assert.Contains("2 alert(s) acknowledged", page.Markup));

        await using var db = Store.CreateDbContext();
        var acknowledged = await db.Alerts.Where(a => a.Status == AlertStatuses.Acknowledged).Select(a => a.Id).ToListAsync();
        Assert.Equal(2, acknowledged.Count);
        Assert.Equal(2, await db.AlertHistory.CountAsync(h => h.ToStatus == AlertStatuses.Acknowledged && h.Note == "bulk acknowledge"));
    }

    [Fact]
    public async Task A_bulk_acknowledge_never_undoes_a_decision_and_says_what_it_skipped()
    {
        var resolved = await DetectAsync("brute_force");
        await using (var db = Store.CreateDbContext())
        {
            var refused = await AlertTriage.ApplyAsync(db, [resolved.Id], AlertStatuses.Resolved, null, null, "kim@acme.example", End);
            Assert.Empty(refused.Changed);
            Assert.Contains("needs a note", Assert.Single(refused.Skipped).Reason);
            Assert.Single((await AlertTriage.ApplyAsync(db, [resolved.Id], AlertStatuses.Resolved, null, "blocked the address at the edge", "kim@acme.example", End)).Changed);
        }
        SignedInAs(Roles.SecurityAnalyst);
        Authorization.SetPolicies(Policies.Viewer, Policies.Analyst);
        var page = Render<AlertsPage>();
        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=alert-row]").Count >= 2));
        var rows = page.FindAll("[data-testid=alert-row]");
        int decided = rows.ToList().FindIndex(r => r.TextContent.Contains(AlertStatuses.Resolved));
        int open = rows.ToList().FindIndex(r => r.TextContent.Contains(AlertStatuses.Open));
        page.FindAll("[data-testid=alert-select]")[decided].Change(true);
        page.FindAll("[data-testid=alert-select]")[open].Change(true);
        await page.InvokeAsync(() => page.Find("[data-testid=bulk-acknowledge]").Click());
        page.WaitForAssertion(() => Assert.Contains("1 alert(s) acknowledged. 1 skipped", page.Markup));
        Assert.Contains($"alert {resolved.Id}: it is resolved", page.Markup);

        await using var check = Store.CreateDbContext();
        Assert.Equal(AlertStatuses.Resolved, (await check.Alerts.SingleAsync(a => a.Id == resolved.Id)).Status);
    }

    [Fact]
    public async Task An_open_page_of_a_user_who_has_signed_out_elsewhere_changes_nothing()
    {
        await DetectAsync("brute_force");
        SignedInAs(Roles.SecurityAnalyst);
        Authorization.SetPolicies(Policies.Viewer, Policies.Analyst);
        var page = Render<AlertsPage>();
        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=alert-select]").Count >= 1));
        page.FindAll("[data-testid=alert-select]")[0].Change(true);

        await Services.GetRequiredService<AuditDashboard.Core.SignIn.DashboardSessionStore>().EndAsync(SessionId, AuditDashboard.Core.SignIn.DashboardSessionStore.SignedOut);
        await page.InvokeAsync(() => page.Find("[data-testid=bulk-acknowledge]").Click());
        page.WaitForAssertion(() => Assert.Contains("Your sign-in has ended", page.Markup));

        await using var db = Store.CreateDbContext();
        Assert.Equal(0, await db.Alerts.CountAsync(a => a.Status == AlertStatuses.Acknowledged));
        Assert.Equal(0, await db.AlertHistory.CountAsync(h => h.ToStatus == AlertStatuses.Acknowledged));
    }

    [Fact]
    public async Task Auditors_see_an_alert_but_cannot_change_it()
    {
        var alert = await DetectAsync("brute_force");
        var page = Render<AlertPage>(p => p.Add(x => x.Id, alert.Id));
        page.WaitForAssertion(() => Assert.Contains("Triage is for security analysts", page.Markup));
        Assert.Empty(page.FindAll("[data-testid=triage]"));
        var queue = Render<AlertsPage>();
        queue.WaitForAssertion(() => Assert.NotEmpty(queue.FindAll("[data-testid=alert-row]")));
        Assert.Empty(queue.FindAll("[data-testid=alert-select]"));
        Assert.Empty(queue.FindAll("[data-testid=bulk-acknowledge]"));
        Assert.NotEmpty(page.FindAll("[data-testid=event-row]"));
    }

    [Fact]
    public async Task Without_a_geo_database_the_queue_says_which_detectors_are_limited_and_how_much_geo_the_events_carry()
    {
        await DetectAsync("brute_force");
        var page = Render<AlertsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=alert-row]")));
        var warning = page.Find("[data-testid=geo-warning]").TextContent;
        Assert.Contains("No GeoIP database is configured (Geo:DatabasePath), so impossible_travel, new_country, session_hijack see only events that carry their own geo", warning);
        Assert.Matches(@"[\d,]+ of [\d,]+ successful sign-ins in the last 7 days did", warning);
    }

    [Fact]
    public async Task With_a_geo_database_there_is_no_warning()
    {
        await DetectAsync("brute_force");
        var folder = Directory.CreateTempSubdirectory("auditdash-geo").FullName;
        using var geo = GeoLookup.Open(new GeoOptions { DatabasePath = Geo.TestGeoDatabases.City(folder) }, folder);
        Services.AddSingleton(geo);
        var page = Render<AlertsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=alert-row]")));
        Assert.Empty(page.FindAll("[data-testid=geo-warning]"));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task The_queue_filters_by_assignee_and_by_period()
    {
        var alert = await DetectAsync("mfa_fatigue");
        await using (var db = Store.CreateDbContext())
        {
            await AlertTriage.ApplyAsync(db, [alert.Id], AlertStatuses.Acknowledged, "kim@acme.example", "mine", "kim@acme.example", End);
        }
        Services.GetRequiredService<NavigationManager>().NavigateTo("/alerts?assignee=kim@acme.example");
        var mine = Render<AlertsPage>();
        mine.WaitForAssertion(() => Assert.Single(mine.FindAll("[data-testid=alert-row]")));
        Assert.Contains("mfa_fatigue", mine.Find("[data-testid=alert-row]").TextContent);

        Services.GetRequiredService<NavigationManager>().NavigateTo("/alerts?assignee=(unassigned)");
        var unassigned = Render<AlertsPage>();
        unassigned.WaitForAssertion(() => Assert.NotEmpty(unassigned.FindAll("[data-testid=alert-row]")));
        Assert.DoesNotContain("kim@acme.example", unassigned.Find("[data-testid=alert-table]").TextContent);

        // The simulated week ends at End: no alert's window reaches past it.
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/alerts?from={End:yyyy-MM-dd}");
        var after = Render<AlertsPage>();
        after.WaitForAssertion(() => Assert.NotEmpty(after.FindAll("[data-testid=empty-state]")));

        Services.GetRequiredService<NavigationManager>().NavigateTo("/alerts?from=yesterday-ish");
        var bad = Render<AlertsPage>();
        bad.WaitForAssertion(() => Assert.Contains("From 'yesterday-ish' is not a date or time", bad.Find("[data-testid=filter-error]").TextContent));
    }

    [Fact]
    public async Task A_travel_alert_lists_its_places_with_distance_and_speed_and_plots_them()
    {
        var alert = await DetectAsync("impossible_travel");
        var page = Render<AlertPage>(p => p.Add(x => x.Id, alert.Id));
        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=place-row]").Count >= 2));
        Assert.Contains(page.FindAll("[data-testid=place-row]"), row => System.Text.RegularExpressions.Regex.IsMatch(row.TextContent, @"[\d,]+ km in [\d,]+ min, [\d,]+ km/h"));
        Assert.NotNull(page.Find("[data-testid=alert-map] polyline"));
        Assert.Equal(page.FindAll("[data-testid=place-row]").Count, page.FindAll("[data-testid=alert-map] circle").Count);
    }
}
