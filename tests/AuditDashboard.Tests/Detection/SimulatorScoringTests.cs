using System.Text.Json;
using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Simulation;

namespace AuditDashboard.Tests.Detection;

/// <summary>The detectors against the simulator's labelled attacks: what they catch and what they raise on normal traffic.</summary>
public sealed class SimulatorScoringTests
{
    private static readonly Dictionary<string, string> DetectorFor = new()
    {
        [Scenarios.BruteForce] = "brute_force",
        [Scenarios.PasswordSpray] = "password_spray",
        [Scenarios.MfaFatigue] = "mfa_fatigue",
        [Scenarios.RateLimitStorm] = "rate_limit_storm",
        [Scenarios.RefreshTokenReuse] = "refresh_token_reuse",
        [Scenarios.RevokedTokenUse] = "revoked_token_use",
        [Scenarios.CredentialStuffing] = "credential_stuffing",
        [Scenarios.ImpossibleTravel] = "impossible_travel",
        [Scenarios.SessionHijack] = "session_hijack",
        [Scenarios.PrivilegeEscalation] = "privilege_escalation",
        [Scenarios.DormantAccountReactivation] = "dormant_account_reactivation",
    };

    [Theory]
    [InlineData(42, 40)]
    [InlineData(7, 25)]
    public void Every_scenario_with_a_detector_is_caught_by_it_and_normal_traffic_raises_nothing(int seed, int users)
    {
        var simulation = new SimulationOptions { Days = 14, Users = users, Seed = seed };
        var events = new TrafficSimulator(simulation, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc)).Generate().ToList();
        long seq = 0;
        foreach (var e in events) e.Seq = ++seq;
        var scenarioOf = events.ToDictionary(e => e.Seq, Scenario);

        var detectors = Detectors.Create(new DetectionOptions());
        var alerts = events.SelectMany(e => detectors.SelectMany(d => d.Observe(e))).GroupBy(a => a.Key).Select(g => g.Last()).ToList();

        foreach (var (scenario, detector) in DetectorFor)
            Assert.True(alerts.Any(a => a.Detector == detector && a.EvidenceSeqs.Any(s => scenarioOf[s] == scenario)), $"{scenario} was not caught by {detector}");
        var falsePositives = alerts.Where(a => a.EvidenceSeqs.All(s => scenarioOf[s] is null)).ToList();
        Assert.True(falsePositives.Count == 0, string.Join("\n", falsePositives.Select(a => a.Explanation)));
    }

    private static string? Scenario(AccessEvent e) =>
        e.Attributes is null ? null : JsonDocument.Parse(e.Attributes).RootElement.TryGetProperty("scenario", out var s) ? s.GetString() : null;
}
