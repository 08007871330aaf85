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
        // Ids and the hash can be copied: the button carries the value itself.
        var hash = page.Find("[data-testid=copy-hash]").GetAttribute("data-copy")!;
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Contains(hash, page.Find("[data-testid=raw-json]").TextContent);
        Assert.NotNull(page.Find("[data-testid=copy-event-id]").GetAttribute("data-copy"));
        // The simulated store was filled through the ingest service with origin "test": the batch's chain head says so.
        page.WaitForAssertion(() => Assert.Equal("test", page.Find("[data-testid=delivered-by]").TextContent));
    }

    [Fact]
    public async Task A_name_with_invisible_or_bidirectional_characters_is_shown_with_marks_in_the_table_and_the_drawer()
    {
        var stored = await new AuditDashboard.Core.Ingest.IngestService(Store, new AuditDashboard.Core.Ingest.IngestOptions(), TestClock.Default).IngestJsonAsync(
            System.Text.Encoding.UTF8.GetBytes("""{"event_id":"spoof-1","timestamp":"2026-10-31T22:00:00Z","event_type":"login_success","outcome":"success","source":"idp","username":"ad\u200bmin","client_id":"user\u202egnp.exe","session_id":"spoof-sid"}"""), "test");
        Assert.Equal(1, stored.Accepted);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/events?session=spoof-sid");
        var page = Render<EventsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=event-row]")));
        var row = page.Find("[data-testid=event-row]").TextContent;
        Assert.Contains("ad⟨U+200B⟩min", row);
        Assert.Contains("user⟨U+202E⟩gnp.exe", row);
        Assert.DoesNotContain('\u200b', row);
        page.Find("[data-testid=event-row]").Click();
        page.WaitForAssertion(() => Assert.Contains("ad⟨U+200B⟩min", page.Find("[data-testid=raw-json]").TextContent));

        // Stored exactly as sent.
        await using var db = Store.CreateDbContext();
        Assert.Equal("ad\u200bmin", db.Events.Single(e => e.EventId == "spoof-1").Username);
    }

    [Fact]
    public void Each_event_has_its_own_address_and_a_seq_that_is_not_stored_says_so()
    {
        var page = Render<SingleEventPage>(p => p.Add(x => x.Seq, 42));
        page.WaitForAssertion(() => Assert.Matches("\"seq\":\\s*42\\b", page.Find("[data-testid=raw-json]").TextContent));
        Assert.Equal("/events/42", page.Find("[data-testid=event-link]").GetAttribute("href"));

        var missing = Render<SingleEventPage>(p => p.Add(x => x.Seq, 99_999_999));
        missing.WaitForAssertion(() => Assert.Contains("No event is stored at seq 99999999", missing.Find("[data-testid=empty-state]").TextContent));
    }

    [Fact]
    public void The_drawer_closes_with_its_button_and_with_escape()
    {
        var page = Render<EventsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=event-row]")));
        page.FindAll("[data-testid=event-row]")[0].Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=event-drawer]")));
        page.Find("[data-testid=close-drawer]").Click();
        page.WaitForAssertion(() => Assert.DoesNotContain("mud-drawer--open", page.Markup));

        page.FindAll("[data-testid=event-row]")[1].Click();
        page.WaitForAssertion(() => Assert.Contains("mud-drawer--open", page.Markup));
        page.Find("[data-testid=event-drawer]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });
        page.WaitForAssertion(() => Assert.DoesNotContain("mud-drawer--open", page.Markup));
    }

    [Fact]
    public void The_explorer_counts_its_matches_sorts_by_time_both_ways_and_pages_newer_and_older()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/events?type=login_failure");
        var page = Render<EventsPage>();
        page.WaitForAssertion(() => Assert.Matches(@"^[\d,]+ events$", page.Find("[data-testid=result-count]").TextContent.Trim()));
        int count = int.Parse(page.Find("[data-testid=result-count]").TextContent.Trim().Split(' ')[0].Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        using (var db = Store.CreateDbContext())
            Assert.Equal(db.Events.Count(e => e.EventType == "login_failure"), count);
        Assert.True(page.Find("[data-testid=newer]").HasAttribute("disabled"), "the first page has nothing newer");
        var newestFirst = page.FindAll("[data-testid=event-row]").Select(r => r.TextContent).ToList();

        page.Find("[data-testid=older]").Click();
        page.WaitForAssertion(() => Assert.Contains("after=", navigation.Uri));
        page.WaitForAssertion(() => Assert.NotEqual(newestFirst[0], page.FindAll("[data-testid=event-row]")[0].TextContent));
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=newer]").HasAttribute("disabled")));
        page.Find("[data-testid=newer]").Click();
        page.WaitForAssertion(() => Assert.Contains("before=", navigation.Uri));
        page.WaitForAssertion(() => Assert.Equal(newestFirst, page.FindAll("[data-testid=event-row]").Select(r => r.TextContent).ToList()));

        page.Find("[data-testid=sort-time]").Click();
        page.WaitForAssertion(() => Assert.Contains("sort=oldest", navigation.Uri));
        page.WaitForAssertion(() => Assert.Equal("ascending", page.Find("th[aria-sort]").GetAttribute("aria-sort")));
        var oldest = page.FindAll("[data-testid=event-row] td:last-child").Select(c => long.Parse(c.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        using (var db = Store.CreateDbContext())
            Assert.Equal(db.Events.Where(e => e.EventType == "login_failure").OrderBy(e => e.Timestamp).ThenBy(e => e.Seq).Take(50).Select(e => e.Seq).ToList(), oldest);
    }

    [Fact]
    public void Rows_are_reached_with_tab_and_enter_opens_one()
    {
        var page = Render<EventsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=event-row]")));
        var row = page.FindAll("[data-testid=event-row]")[0];
        Assert.Equal("0", row.GetAttribute("tabindex"));
        row.KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });
        page.WaitForAssertion(() => Assert.Contains("\"prev_hash\"", page.Find("[data-testid=raw-json]").TextContent));
    }
}
