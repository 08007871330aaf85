using AuditDashboard.Web.Events;
using AuditDashboard.Web.Overview;
using AuditDashboard.Web.Sessions;
using Bunit;

namespace AuditDashboard.Tests.Components;

/// <summary>On an empty store every page says what to do instead of showing nothing.</summary>
public sealed class EmptyStoreTests : DashboardContext
{
    protected override bool Simulate => false;

    [Fact]
    public void Each_page_has_an_empty_state_that_says_what_to_do()
    {
        var events = Render<EventsPage>();
        events.WaitForAssertion(() => Assert.Contains("No events are stored yet", events.Find("[data-testid=empty-state]").TextContent));
        var overview = Render<OverviewPage>();
        overview.WaitForAssertion(() => Assert.Contains("auditdash simulate", overview.Find("[data-testid=empty-state]").TextContent));
        var sessions = Render<SessionsPage>();
        sessions.WaitForAssertion(() => Assert.Contains("No sessions match", sessions.Find("[data-testid=empty-state]").TextContent));
        var trace = Render<SessionTracePage>(p => p.Add(x => x.Id, "nope"));
        trace.WaitForAssertion(() => Assert.Contains("No event carries this session id", trace.Find("[data-testid=empty-state]").TextContent));
    }
}
