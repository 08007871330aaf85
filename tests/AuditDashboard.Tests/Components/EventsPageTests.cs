using AuditDashboard.Web.Events;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AuditDashboard.Tests.Components;

public sealed class EventsPageTests : DashboardContext
{
    [Fact]
    public void The_filter_in_the_url_selects_the_rows_and_the_next_page_link_carries_it()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/events?type=login_failure&outcome=failure");
        var page = Render<EventsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=event-row]")));
        var rows = page.FindAll("[data-testid=event-row]");
        Assert.All(rows, r => Assert.Contains("login_failure", r.TextContent));
        Assert.Equal(50, rows.Count);

        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=older]").HasAttribute("disabled")));
        page.Find("[data-testid=older]").Click();
        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Contains("after=", navigation.Uri));
        Assert.Contains("type=login_failure", navigation.Uri);
    }

    [Fact]
    public void A_bad_filter_is_explained_and_an_unmatched_filter_says_what_to_do()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/events?ip=999.1.2.3/8&user=nobody-at-all");
        var page = Render<EventsPage>();
        page.WaitForAssertion(() => Assert.Contains("No events match these filters", page.Markup));
        Assert.Contains("is neither an IP address nor a CIDR block", page.Markup);
    }

    [Fact]
    public void Clicking_a_row_opens_the_event_with_its_hash_and_raw_json()
    {
        var page = Render<EventsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=event-row]")));
        page.FindAll("[data-testid=event-row]")[0].Click();
        page.WaitForAssertion(() => Assert.Contains("\"prev_hash\"", page.Find("[data-testid=raw-json]").TextContent));
    }
}
