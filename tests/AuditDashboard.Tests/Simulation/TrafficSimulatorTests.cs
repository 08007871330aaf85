using System.Text.Json;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Ingest;
using AuditDashboard.Core.Simulation;

namespace AuditDashboard.Tests.Simulation;

public sealed class TrafficSimulatorTests
{
    private static readonly DateTime End = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static List<AccessEvent> Generate(int seed = 5, int days = 14, int users = 30) =>
        new TrafficSimulator(new SimulationOptions { Days = days, Users = users, Seed = seed }, End).Generate().ToList();

    private static string? Scenario(AccessEvent e) =>
        e.Attributes is null ? null : JsonDocument.Parse(e.Attributes).RootElement.TryGetProperty("scenario", out var s) ? s.GetString() : null;

    [Fact]
    public void The_same_seed_gives_the_same_events_and_another_seed_does_not()
    {
        var a = Generate().Select(e => EventJson.ToJson(e)).ToList();
        var b = Generate().Select(e => EventJson.ToJson(e)).ToList();
        Assert.Equal(a, b);
        Assert.NotEqual(a, Generate(seed: 6).Select(e => EventJson.ToJson(e)).ToList());
    }

    [Fact]
    public void Every_generated_event_passes_ingest_validation_and_events_come_in_time_order()
    {
        var events = Generate();
        var validator = new EventValidator(new IngestOptions(), TestClock.Default);
        for (int i = 0; i < events.Count; i++)
        {
            var errors = new List<FieldError>();
            using var doc = JsonDocument.Parse(EventJson.ToJson(events[i]));
            Assert.NotNull(validator.Read(doc.RootElement, i, errors));
        }
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.Timestamp <= p.Second.Timestamp));
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public void Every_attack_scenario_is_injected_and_labelled()
    {
        var labelled = Generate().GroupBy(Scenario).Where(g => g.Key is not null).ToDictionary(g => g.Key!, g => g.ToList());
        Assert.Equal(Scenarios.All.OrderBy(s => s), labelled.Keys.OrderBy(s => s));

        Assert.True(labelled[Scenarios.PasswordSpray].Where(e => e.EventType == EventTypes.LoginFailure).Select(e => e.Username).Distinct().Count() >= 20);
        Assert.Single(labelled[Scenarios.PasswordSpray].Select(e => e.Ip).Distinct());
        Assert.True(labelled[Scenarios.BruteForce].Count(e => e.EventType == EventTypes.LoginFailure) >= 30);
        Assert.True(labelled[Scenarios.RateLimitStorm].Count(e => e.EventType == EventTypes.RateLimited) >= 200);
        Assert.Contains(labelled[Scenarios.MfaFatigue], e => e.EventType == EventTypes.MfaSuccess);
        Assert.Contains(labelled[Scenarios.PrivilegeEscalation], e => e.EventType == EventTypes.RoleChanged && e.Roles!.Contains("admin"));
    }

    [Fact]
    public void Refresh_chains_rotate_and_the_reuse_scenario_presents_a_rotated_token()
    {
        var events = Generate();
        var refreshes = events.Where(e => e.EventType == EventTypes.TokenRefreshed && Scenario(e) is null).ToList();
        Assert.NotEmpty(refreshes);
        var issued = events.Where(e => e.TokenType == TokenTypes.RefreshToken && e.EventType is EventTypes.TokenIssued or EventTypes.TokenRefreshed)
            .Select(e => e.TokenId).ToHashSet();
        Assert.All(refreshes, r => Assert.Contains(r.ParentTokenId, issued));

        var reuse = Assert.Single(events, e => Scenario(e) == Scenarios.RefreshTokenReuse);
        Assert.Contains(refreshes, r => r.ParentTokenId == reuse.ParentTokenId);
    }

    [Fact]
    public void Traffic_has_the_expected_shape()
    {
        var events = Generate();
        var types = events.Select(e => e.EventType).ToHashSet();
        foreach (var type in new[]
                 {
                     EventTypes.AuthorizationRequest, EventTypes.LoginSuccess, EventTypes.LoginFailure, EventTypes.MfaChallenge, EventTypes.MfaSuccess,
                     EventTypes.TokenIssued, EventTypes.TokenRefreshed, EventTypes.TokenValidated, EventTypes.TokenRevoked, EventTypes.TokenExpired,
                     EventTypes.ScopeChanged, EventTypes.RoleChanged, EventTypes.ConsentGranted, EventTypes.Logout, EventTypes.RateLimited,
                     EventTypes.ResourceAccess, EventTypes.ProviderMetadata,
                 })
            Assert.Contains(type, types);

        var resource = events.Where(e => e.EventType == EventTypes.ResourceAccess).ToList();
        Assert.All(resource, e => Assert.Matches("^[0-9a-f]{32}$", e.TraceId));
        Assert.All(resource, e => Assert.NotNull(e.CorrelationId));
        Assert.Contains(events, e => e.Attributes?.Contains("signing_key_rotated") == true);

        var logins = events.Where(e => e.EventType == EventTypes.LoginSuccess && Scenario(e) is null).ToList();
        Assert.True(logins.Count > 100);
        // A weekly rhythm: weekdays are busier than weekends.
        double weekday = logins.Count(e => e.Timestamp.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) / 10.0;
        double weekend = logins.Count(e => e.Timestamp.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) / 4.0;
        Assert.True(weekday > 2 * weekend, $"weekday {weekday}/day, weekend {weekend}/day");
    }
}
