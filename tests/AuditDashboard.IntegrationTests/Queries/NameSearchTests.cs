using System.Text.Json.Nodes;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Explorer;
using AuditDashboard.Core.Ingest;
using AuditDashboard.Core.Overview;
using AuditDashboard.Core.Sessions;
using AuditDashboard.Core.Storage;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.IntegrationTests.Queries;

/// <summary>Search people expect (any case, a name's beginning, a country's name or code) and the dashboard's own use counted apart.</summary>
public sealed class NameSearchTests : IAsyncLifetime
{
    private TestStore? _store;
    private SimpleDbContextFactory _factory = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    private async Task SetUpAsync(string provider)
    {
        _store = await TestStore.CreateAsync(provider);
        _factory = _store.Factory;
        var ingest = new IngestService(_factory, new IngestOptions(), TestClock.Default);
        JsonObject Event(string id, string user, string username, string client, string country, string session, string ip, string source = "okta:acme",
            string type = "login_success")
        {
            var e = SampleEvents.Valid(id, source);
            e["user_id"] = user;
            e["username"] = username;
            e["client_id"] = client;
            e["session_id"] = session;
            e["ip"] = ip;
            e["event_type"] = type;
            e["geo"] = new JsonObject { ["country"] = country, ["city"] = "X", ["lat"] = 1.0, ["lon"] = 2.0 };
            return e;
        }
        var events = new[]
        {
            Event("1", "00u1maya", "Maya.Garcia@acme.example", "web-portal", "DE", "s-maya", "91.64.1.10"),
            Event("2", "00u1maya", "Maya.Garcia@acme.example", "web-portal", "Germany", "s-maya", "91.64.1.11"),
            Event("3", "00u2mayb", "maybelle@acme.example", "webhooks", "ID", "s-mayb", "36.64.0.1"),
            Event("4", "00u3tom", "tom@acme.example", "mobile", "FR", "s-tom", "80.10.0.1"),
            Event("5", "00u3tom", "tom@acme.example", "mobile", "US", "s-tom", "8.8.8.8"),
            // The dashboard's own use: evidence in the chain, not activity at the providers.
            Event("6", "dev-admin", "dev-admin", EventSources.Dashboard, "DE", "s-dash", "127.0.0.1", EventSources.Dashboard),
        };
        var result = await ingest.IngestJsonAsync(System.Text.Encoding.UTF8.GetBytes(SampleEvents.Ndjson(events)), "test");
        Assert.Equal(IngestStatus.Accepted, result.Status);
        var export = SampleEvents.Valid("7", EventSources.Dashboard);
        export["event_type"] = EventTypes.DashboardAccess;
        export["user_id"] = "dev-admin";
        export["username"] = "dev-admin";
        export["client_id"] = EventSources.Dashboard;
        export.Remove("session_id");
        export.Remove("geo");
        export["attributes"] = new JsonObject { ["action"] = "export_events" };
        Assert.Equal(IngestStatus.Accepted, (await ingest.IngestJsonAsync(System.Text.Encoding.UTF8.GetBytes(SampleEvents.Ndjson([export])), "test")).Status);
        await new Aggregator(_factory).CatchUpAsync();
    }

    public async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
    }

    private async Task<List<string>> EventIds(EventFilter filter)
    {
        await using var db = _factory.CreateDbContext();
        var page = await EventQueries.PageAsync(db, filter, null, 100);
        return page.Events.Select(e => e.EventId).Order(StringComparer.Ordinal).ToList();
    }

    public static TheoryData<string, string, string[]> TypedUsers => TestStore.WithProviders(
        ("maya", new[] { "1", "2" }),
        ("maya.garcia", new[] { "1", "2" }),
        ("Maya.Garcia@acme.example", new[] { "1", "2" }),
        ("MAY", new[] { "1", "2", "3" }),
        ("00U1", new[] { "1", "2" }),
        ("nobody", new string[0]));

    [Theory, MemberData(nameof(TypedUsers))]
    public async Task The_user_filter_is_case_insensitive_and_matches_the_beginning_of_an_id_username_or_e_mail(string provider, string typed, string[] expected)
    {
        await SetUpAsync(provider);
        Assert.Equal(expected, await EventIds(new EventFilter { User = typed }));
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Clients_match_by_beginning_and_countries_by_code_or_name_in_any_case(string provider)
    {
        await SetUpAsync(provider);
        Assert.Equal(["1", "2", "3"], await EventIds(new EventFilter { Client = "web" }));
        Assert.Equal(["3"], await EventIds(new EventFilter { Country = "id" }));
        // An older import stored "Germany": the DE filter finds both, and so does the name; "de" is not Denmark's beginning.
        Assert.Equal(["1", "2", "6"], await EventIds(new EventFilter { Country = "de" }));
        Assert.Equal(["1", "2", "6"], await EventIds(new EventFilter { Country = "GERMANY" }));
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task The_dashboards_own_use_is_counted_apart_from_the_providers_activity(string provider)
    {
        await SetUpAsync(provider);
        await using var db = _factory.CreateDbContext();
        var aggregator = new Aggregator(_factory);
        var figures = await OverviewQueries.LoadAsync(db, aggregator, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal((5L, 5L, 3L), (figures.Events, figures.SignInSuccesses, figures.DistinctUsers));
        Assert.DoesNotContain(await db.SessionAggregates.Select(s => s.SessionId).ToListAsync(), s => s == "s-dash");

        var use = await db.DashboardUse.OrderBy(u => u.Action).ToListAsync();
        Assert.Equal([("dev-admin", "export_events", 1L), ("dev-admin", "sign_in", 1L)], use.Select(u => (u.Person, u.Action, u.Count)));
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Sessions_count_networks_and_countries_with_names_and_codes_as_one_country(string provider)
    {
        await SetUpAsync(provider);
        await using var db = _factory.CreateDbContext();
        var sessions = await SessionQueries.ListAsync(db, new Aggregator(_factory), new EventFilter());
        var maya = sessions.Single(s => s.SessionId == "s-maya");
        Assert.Equal((2, 1), (maya.DistinctIps, maya.DistinctCountries)); // "DE" and "Germany"
        var tom = sessions.Single(s => s.SessionId == "s-tom");
        Assert.Equal(2, tom.DistinctCountries);
        Assert.Equal(2, (await db.SessionAggregates.SingleAsync(s => s.SessionId == "s-tom")).DistinctNetworks);
        Assert.Equal(1, (await db.SessionAggregates.SingleAsync(s => s.SessionId == "s-maya")).DistinctNetworks);

        var byPrefix = await SessionQueries.ListAsync(db, new Aggregator(_factory), new EventFilter { User = "maya" });
        Assert.Equal(["s-maya"], byPrefix.Select(s => s.SessionId));
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task The_sessions_list_filters_by_ip_block_spread_and_failures(string provider)
    {
        await SetUpAsync(provider);
        await using var db = _factory.CreateDbContext();
        var aggregator = new Aggregator(_factory);
        async Task<List<string>> Ids(SessionFilter f) => (await SessionListQueries.PageAsync(db, aggregator, f, null, 50)).Sessions.Select(s => s.SessionId).Order().ToList();
        Assert.Equal(["s-maya"], await Ids(new SessionFilter { Ip = "91.64.1.0/24" }));
        Assert.Equal(["s-maya"], await Ids(new SessionFilter { Ip = "91.64.1.11" }));
        Assert.Equal(["s-tom"], await Ids(new SessionFilter { Spread = true }));
        Assert.Empty(await Ids(new SessionFilter { WithFailures = true }));
        Assert.Equal(["s-mayb", "s-maya"], (await SessionListQueries.PageAsync(db, aggregator, new SessionFilter { User = "may", Sort = SessionSort.FirstSeen }, null, 1) is var first
            ? new[] { first.Sessions[0].SessionId }.Concat((await SessionListQueries.PageAsync(db, aggregator, new SessionFilter { User = "may", Sort = SessionSort.FirstSeen }, first.Next, 1)).Sessions.Select(s => s.SessionId)).ToList()
            : []).Order().Reverse().ToList());
    }
}
