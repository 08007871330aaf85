using AuditDashboard.Core.Events;
using AuditDashboard.Web.Overview;

namespace AuditDashboard.Tests.Components;

public sealed class EventTypeColoursTests
{
    [Fact]
    public void Every_event_type_has_its_own_colour_whatever_the_range()
    {
        var colours = EventTypes.All.Select(EventTypeColours.Of).ToList();
        Assert.Equal(EventTypes.All.Count, colours.Distinct().Count());
        Assert.DoesNotContain(EventTypeColours.Other, colours);
    }
}
