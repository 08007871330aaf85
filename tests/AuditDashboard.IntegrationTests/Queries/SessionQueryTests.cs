using AuditDashboard.Core.Storage;
using System.Text.Json;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Explorer;
using AuditDashboard.Core.Sessions;
using AuditDashboard.Core.Simulation;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.IntegrationTests.Queries;

public sealed class SessionQueryTests(SimulatedStore store) : IClassFixture<SimulatedStore>
{
    private static async Task<string> ScenarioSessionAsync(SimpleDbContextFactory factory, string scenario)
    {
        await using var db = factory.CreateDbContext();
        var labelled = await db.Events.AsNoTracking().Where(e => e.Attributes!.Contains(scenario) && e.SessionId != null).ToListAsync();
        return labelled.First(e => JsonDocument.Parse(e.Attributes!).RootElement.GetProperty("scenario").GetString() == scenario).SessionId!;
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task The_sessions_list_counts_events_ips_countries_and_failures(string provider)
    {
        var factory = await store.ForAsync(provider);
        await using var db = factory.CreateDbContext();
        var aggregator = new AuditDashboard.Core.Overview.Aggregator(factory);
        var sessions = await SessionQueries.ListAsync(db, aggregator, new EventFilter(), 500);
        Assert.NotEmpty(sessions);
        Assert.True(sessions.Zip(sessions.Skip(1)).All(p => p.First.LastSeen >= p.Second.LastSeen));
        var hijackedId = await ScenarioSessionAsync(factory, Scenarios.SessionHijack);
        var hijacked = sessions.Single(s => s.SessionId == hijackedId);
        Assert.True(hijacked.DistinctIps >= 2);
        Assert.True(hijacked.DistinctCountries >= 2);
        var direct = await db.Events.CountAsync(e => e.SessionId == hijacked.SessionId);
        Assert.Equal(direct, hijacked.EventCount);

        // A filter the aggregates cannot answer selects sessions among the events, with the same whole-session figures.
        var fromTheHijacker = await SessionQueries.ListAsync(db, aggregator, new EventFilter { Text = "python-requests" }, 500);
        Assert.Equal(hijacked, fromTheHijacker.Single(s => s.SessionId == hijackedId));
        var distinctIps = await db.Events.Where(e => e.SessionId == hijackedId && e.Ip != null).Select(e => e.Ip).Distinct().CountAsync();
        Assert.Equal(distinctIps, hijacked.DistinctIps);
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task A_hijacked_session_shows_where_network_and_device_changed(string provider)
    {
        var factory = await store.ForAsync(provider);
        await using var db = factory.CreateDbContext();
        var trace = (await SessionQueries.TraceAsync(db, await ScenarioSessionAsync(factory, Scenarios.SessionHijack)))!;
        // Each reporter (source and channel) flags the moment it first sees the hijacker, once.
        var changes = trace.Timeline.Where(t => t.Change is not null).ToList();
        Assert.NotEmpty(changes);
        Assert.All(changes, change =>
        {
            Assert.Contains("network AS", change.Change);
            Assert.Contains("country", change.Change);
            Assert.Contains("user agent changed", change.Change);
        });
        Assert.Equal(changes.Count, changes.Select(c => (c.Event.Source, c.Event.EventType is EventTypes.TokenIssued or EventTypes.TokenRefreshed)).Distinct().Count());
        // Calls to the APIs share trace ids with nothing else in the session; they are part of it.
        Assert.Contains(trace.Timeline, t => t.Event.EventType == EventTypes.ResourceAccess);
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Token_chains_follow_refresh_rotation_and_flag_use_after_revocation(string provider)
    {
        var factory = await store.ForAsync(provider);
        await using var db = factory.CreateDbContext();
        var revoked = (await SessionQueries.TraceAsync(db, await ScenarioSessionAsync(factory, Scenarios.RevokedTokenUse)))!;
        Assert.Contains(revoked.Tokens, t => t.UsedAfterRevocation);

        var reuse = (await SessionQueries.TraceAsync(db, await ScenarioSessionAsync(factory, Scenarios.RefreshTokenReuse)))!;
        var refreshRoot = Assert.Single(reuse.Tokens, t => t.TokenType == TokenTypes.RefreshToken);
        // The first refresh token was rotated once legitimately and presented again by the thief: two children.
        Assert.True(refreshRoot.Children.Count >= 2, $"children: {refreshRoot.Children.Count}");
        Assert.Contains(reuse.Timeline, t => !t.InSession || t.Event.Attributes?.Contains(Scenarios.RefreshTokenReuse) == true);
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task An_unknown_session_has_no_trace(string provider)
    {
        var factory = await store.ForAsync(provider);
        await using var db = factory.CreateDbContext();
        Assert.Null(await SessionQueries.TraceAsync(db, "no-such-session"));
    }
}
