using AuditDashboard.Core.Storage;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Explorer;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.IntegrationTests.Queries;

public sealed class ExplorerQueryTests(SimulatedStore store) : IClassFixture<SimulatedStore>
{
    private static async Task<List<AccessEvent>> AllPagesAsync(SimpleDbContextFactory factory, EventFilter filter, int pageSize)
    {
        var all = new List<AccessEvent>();
        EventCursor? cursor = null;
        do
        {
            await using var db = factory.CreateDbContext();
            var page = await EventQueries.PageAsync(db, filter, cursor, pageSize);
            Assert.True(page.Events.Count <= pageSize);
            all.AddRange(page.Events);
            cursor = page.Next;
        }
        while (cursor is not null);
        return all;
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Keyset_pages_cover_every_match_once_newest_first(string provider)
    {
        var factory = await store.ForAsync(provider);
        var filter = new EventFilter { EventTypes = [EventTypes.TokenValidated, EventTypes.LoginFailure] };
        var paged = await AllPagesAsync(factory, filter, 37);
        await using var db = factory.CreateDbContext();
        var expected = (await db.Events.AsNoTracking().Where(e => e.EventType == EventTypes.TokenValidated || e.EventType == EventTypes.LoginFailure).ToListAsync())
            .OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.Seq).Select(e => e.Seq).ToList();
        Assert.True(expected.Count > 100);
        Assert.Equal(expected, paged.Select(e => e.Seq));
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Filters_combine_and_a_cidr_block_matches_exactly(string provider)
    {
        var factory = await store.ForAsync(provider);
        await using var db = factory.CreateDbContext();
        var all = await db.Events.AsNoTracking().ToListAsync();
        var someIp = all.First(e => e.EventType == EventTypes.LoginSuccess && e.Ip is not null).Ip!;
        var block = string.Join('.', someIp.Split('.').Take(2)) + ".0.0/20";
        var match = IpMatch.TryParse(block)!;

        var paged = await AllPagesAsync(factory, new EventFilter { Ip = block, Outcome = Outcomes.Success }, 25);
        var expected = all.Where(e => match.Matches(e.Ip) && e.Outcome == Outcomes.Success).Select(e => e.Seq).OrderByDescending(s => s).ToHashSet();
        Assert.Equal(expected, paged.Select(e => e.Seq).ToHashSet());

        var from = all.Max(e => e.Timestamp).AddDays(-6);
        var to = from.AddDays(2);
        var window = await AllPagesAsync(factory, new EventFilter { From = from, To = to, Country = "DE" }, 500);
        Assert.Equal(all.Count(e => e.Timestamp >= from && e.Timestamp < to && e.GeoCountry == "DE"), window.Count);
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Free_text_finds_attributes_and_user_agents(string provider)
    {
        var factory = await store.ForAsync(provider);
        var spray = await AllPagesAsync(factory, new EventFilter { Text = "password_spray" }, 500);
        Assert.NotEmpty(spray);
        Assert.All(spray, e => Assert.Contains("password_spray", e.Attributes));
        var tools = await AllPagesAsync(factory, new EventFilter { Text = "PYTHON-requests" }, 500);
        Assert.All(tools, e => Assert.Contains("python-requests", e.UserAgent));
        Assert.NotEmpty(tools);
        Assert.Empty(await AllPagesAsync(factory, new EventFilter { Text = "%" }, 10));
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Oldest_first_and_paging_back_cover_the_same_events_and_the_count_is_exact_up_to_its_cap(string provider)
    {
        var factory = await store.ForAsync(provider);
        var filter = new EventFilter { EventTypes = [EventTypes.TokenValidated] };
        await using var db = factory.CreateDbContext();
        var expected = (await db.Events.AsNoTracking().Where(e => e.EventType == EventTypes.TokenValidated).Select(e => new { e.Timestamp, e.Seq }).ToListAsync())
            .OrderBy(e => e.Timestamp).ThenBy(e => e.Seq).Select(e => e.Seq).ToList();

        var forward = new List<long>();
        var pages = new List<EventPage>();
        EventCursor? cursor = null;
        do
        {
            var page = await EventQueries.PageAsync(db, filter, EventSort.Oldest, cursor, null, 97);
            pages.Add(page);
            forward.AddRange(page.Events.Select(e => e.Seq));
            cursor = page.Next;
        }
        while (cursor is not null);
        Assert.Equal(expected, forward);

        // From the last page back to the first, through Previous, each page is the one seen going forward.
        var back = pages[^1];
        for (int i = pages.Count - 2; i >= 0; i--)
        {
            back = await EventQueries.PageAsync(db, filter, EventSort.Oldest, null, back.Previous, 97);
            Assert.Equal(pages[i].Events.Select(e => e.Seq), back.Events.Select(e => e.Seq));
        }
        Assert.Null(back.Previous);

        var count = await EventQueries.CountAsync(db, filter);
        Assert.Equal(Math.Min(expected.Count, EventQueries.CountCap), count.Count);
        Assert.Equal(expected.Count > EventQueries.CountCap, count.Capped);
        long total = await db.Events.LongCountAsync();
        var all = await EventQueries.CountAsync(db, new EventFilter());
        Assert.Equal((Math.Min(total, EventQueries.CountCap), total > EventQueries.CountCap), (all.Count, all.Capped));
        Assert.Equal("10,000+", new EventCount(EventQueries.CountCap, true).Describe());
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task A_typed_name_pages_through_every_event_of_the_users_it_matches_once_in_order(string provider)
    {
        var factory = await store.ForAsync(provider);
        await new AuditDashboard.Core.Overview.Aggregator(factory).CatchUpAsync();
        await using var db = factory.CreateDbContext();
        var all = await db.Events.AsNoTracking().ToListAsync();
        var name = all.First(e => e.Username is not null && e.UserId is not null && e.Source != EventSources.Dashboard).Username!;
        var typed = name[..3].ToUpperInvariant();
        bool Begins(string? v) => (v ?? "").StartsWith(typed, StringComparison.OrdinalIgnoreCase);
        // The accounts the name stands for: the user id, or the username of an event without one.
        var accounts = all.Where(e => Begins(e.UserId) || Begins(e.Username)).Select(e => e.UserId ?? e.Username!).ToHashSet();
        var expected = all.Where(e => (e.UserId is not null && accounts.Contains(e.UserId)) || (e.Username is not null && accounts.Contains(e.Username)))
            .OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.Seq).Select(e => e.Seq).ToList();
        Assert.NotEmpty(expected);
        var paged = await AllPagesAsync(factory, new EventFilter { User = typed }, 7);
        Assert.Equal(expected, paged.Select(e => e.Seq));
    }
}
