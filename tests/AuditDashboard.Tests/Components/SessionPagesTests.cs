using System.Text.Json;
using AuditDashboard.Core.Simulation;
using AuditDashboard.Web.Overview;
using AuditDashboard.Web.Sessions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Tests.Components;

public sealed class SessionPagesTests : DashboardContext
{
    private async Task<string> SessionOf(string scenario)
    {
        await using var db = Store.CreateDbContext();
        var events = await db.Events.AsNoTracking().Where(e => e.Attributes!.Contains(scenario) && e.SessionId != null).ToListAsync();
        return events.First(e => JsonDocument.Parse(e.Attributes!).RootElement.GetProperty("scenario").GetString() == scenario).SessionId!;
    }

    [Fact]
    public void The_sessions_list_links_each_session_to_its_trace()
    {
        var page = Render<SessionsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=session-row]")));
        Assert.All(page.FindAll("[data-testid=session-row] a"), a => Assert.StartsWith("/sessions/", a.GetAttribute("href")));
    }

    [Fact]
    public async Task Sessions_page_by_keyset_sort_by_their_columns_and_the_hijacked_one_stands_out()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var hijacked = await SessionOf(Scenarios.SessionHijack);
        await new AuditDashboard.Core.Detection.DetectionRunner(Store, new AuditDashboard.Core.Detection.DetectionOptions(), TestClock.Default).BackfillAsync(null, null);

        navigation.NavigateTo("/sessions?from=2026-10-01T00:00&spread=1");
        var page = Render<SessionsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=session-row]")));
        var row = page.FindAll("[data-testid=session-row]").Single(r => r.InnerHtml.Contains(Uri.EscapeDataString(hijacked)));
        Assert.Contains("session-alert", row.ClassName);
        Assert.Contains("alert", row.TextContent);
        Assert.Contains("2 countries", row.TextContent);
        row.Click(); // the whole row opens the trace
        page.WaitForAssertion(() => Assert.EndsWith($"/sessions/{Uri.EscapeDataString(hijacked)}", navigation.Uri));

        navigation.NavigateTo("/sessions?from=2026-10-01T00:00&sort=events");
        page = Render<SessionsPage>();
        page.WaitForAssertion(() => Assert.Equal(50, page.FindAll("[data-testid=session-row]").Count));
        int Events(AngleSharp.Dom.IElement r) => int.Parse(r.Children[4].TextContent, System.Globalization.CultureInfo.InvariantCulture);
        var first = page.FindAll("[data-testid=session-row]").Select(Events).ToList();
        Assert.Equal(first.OrderByDescending(e => e), first);
        Assert.Equal("descending", page.Find("th[aria-sort=descending]").GetAttribute("aria-sort"));
        page.Find("[data-testid=sessions-next]").Click();
        page.WaitForAssertion(() => Assert.Contains("after=", navigation.Uri));
        page = Render<SessionsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=session-row]")));
        Assert.True(page.FindAll("[data-testid=session-row]").Select(Events).Max() <= first.Min());
    }

    [Fact]
    public async Task A_hijacked_session_trace_highlights_the_change_and_shows_the_token_chain()
    {
        var id = await SessionOf(Scenarios.SessionHijack);
        var page = Render<SessionTracePage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=trace-row]")));
        var change = page.Find("[data-testid=change]");
        Assert.Contains("network AS", change.TextContent);
        Assert.Contains("refresh_token", page.Find("[data-testid=token-chains]").TextContent);
    }

    [Fact]
    public async Task The_trace_shows_each_user_agent_and_labels_a_forked_refresh_family_as_reuse()
    {
        var id = await SessionOf(Scenarios.RefreshTokenReuse);
        var page = Render<SessionTracePage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=trace-row]")));
        Assert.Contains("reused: refreshed 2×", page.Find("[data-testid=token-reuse]").TextContent);
        Assert.Contains(page.FindAll("[data-testid=user-agent]"), ua => ua.TextContent.Length > 0);
        // The change is drawn in a wrapping span, not a one-line chip that clips it.
        Assert.DoesNotContain(page.FindAll("[data-testid=change]"), c => c.ClassList.Contains("mud-chip"));
    }

    [Fact]
    public async Task A_revoked_token_used_later_is_flagged_in_the_chain()
    {
        var id = await SessionOf(Scenarios.RevokedTokenUse);
        var page = Render<SessionTracePage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=used-after-revocation]")));
    }

    [Fact]
    public async Task The_overview_shows_the_dashboards_own_use_in_its_own_panel_and_not_in_its_figures()
    {
        var before = Render<OverviewPage>();
        before.WaitForAssertion(() => Assert.NotEmpty(before.FindAll("[data-testid=kpi-value]")));
        var users = before.FindAll("[data-testid=kpi-value]")[3].TextContent.Trim();
        var line = """{"event_id":"dash-1","timestamp":"2026-10-31T20:00:00Z","event_type":"login_success","outcome":"success","source":"auditdashboard","client_id":"auditdashboard","user_id":"dev-auditor","username":"dev-auditor"}""" + "\n";
        await new AuditDashboard.Core.Ingest.IngestService(Store, new AuditDashboard.Core.Ingest.IngestOptions(), TestClock.Default)
            .IngestJsonAsync(System.Text.Encoding.UTF8.GetBytes(line), "test");
        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Assert.Contains("dev-auditor", page.Find("[data-testid=dashboard-use]").TextContent));
        Assert.Equal(users, page.FindAll("[data-testid=kpi-value]")[3].TextContent.Trim());
        Assert.Contains("not counted in the figures above", page.Find("[data-testid=dashboard-use]").TextContent);
    }

    [Fact]
    public void The_overview_shows_figures_for_the_range()
    {
        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=kpi-value]")));
        var values = page.FindAll("[data-testid=kpi-value]").Select(v => v.TextContent.Trim()).ToList();
        Assert.NotEqual("0", values[0]);
        Assert.EndsWith("%", values[1]);
        // Every figure of the range links into the explorer or sessions with that range (alerts link to the open queue).
        Assert.All(page.FindAll("[data-testid=kpi-link]").Where(a => !a.GetAttribute("href")!.StartsWith("/alerts", StringComparison.Ordinal)),
            a => Assert.Contains("from=", a.GetAttribute("href")));
    }

    [Fact]
    public void The_overview_takes_a_range_of_its_own_from_the_url()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?from=2026-10-28T00:00&to=2026-10-29T00:00");
        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=kpi-value]")));
        Assert.Contains("2026-10-28 00:00 UTC", page.Markup);
        Assert.Contains("per hour", page.Markup);
        Assert.Contains("to=2026-10-29T00%3A00", page.FindAll("[data-testid=kpi-link]")[0].GetAttribute("href"));
    }

    [Fact]
    public async Task The_overview_shows_the_latest_signed_checkpoint_and_its_witnesses()
    {
        var before = Render<OverviewPage>();
        before.WaitForAssertion(() => Assert.Contains("no signed checkpoint yet", before.Find("[data-testid=latest-checkpoint]").TextContent));

        using var signer = AuditDashboard.Core.Integrity.Notes.NoteSigner.Generate("audit.acme.example/oidc");
        AuditDashboard.Core.Integrity.Log.LogCheckpoint made;
        await using (var db = Store.CreateDbContext())
            made = (await new AuditDashboard.Core.Integrity.Log.CheckpointMaker(signer, TestClock.Default).MakeAsync(db))!;
        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Assert.Contains($"signed checkpoint: {made.Size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} events", page.Find("[data-testid=latest-checkpoint]").TextContent));
        Assert.Contains("no witness yet", page.Find("[data-testid=latest-checkpoint]").TextContent);
    }
}
