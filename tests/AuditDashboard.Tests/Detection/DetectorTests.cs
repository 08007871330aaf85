using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Events;

namespace AuditDashboard.Tests.Detection;

public sealed class DetectorTests
{
    private static readonly DateTime T0 = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
    private long _seq;

    private AccessEvent E(string type, int secondsAfter, string? user = "u-1", string? ip = "203.0.113.5", string outcome = Outcomes.Failure) => new()
    {
        Seq = ++_seq, EventId = "e" + _seq, Timestamp = T0.AddSeconds(secondsAfter), EventType = type, Outcome = outcome,
        Source = "test", UserId = user, Username = user is null ? null : user + "@acme.example", Ip = ip,
    };

    private static IDetector Detector(string name) => Detectors.Create(new DetectionOptions()).Single(d => d.Name == name);

    private static List<AlertCandidate> Run(IDetector detector, IEnumerable<AccessEvent> events) => events.SelectMany(detector.Observe).ToList();

    [Fact]
    public void Brute_force_fires_at_ten_failures_in_ten_minutes_and_not_at_nine()
    {
        var nine = Run(Detector("brute_force"), Enumerable.Range(0, 9).Select(i => E(EventTypes.LoginFailure, i * 60)));
        Assert.Empty(nine);
        var ten = Run(Detector("brute_force"), Enumerable.Range(0, 10).Select(i => E(EventTypes.LoginFailure, i * 60)));
        var alert = Assert.Single(ten);
        Assert.Equal(10, alert.EvidenceSeqs.Count);
        Assert.Contains("10 failed sign-ins for u-1@acme.example within 10 minutes (threshold 10), the latest from 203.0.113.5", alert.Explanation);
        // Spread over more than the window: never ten at once.
        Assert.Empty(Run(Detector("brute_force"), Enumerable.Range(0, 30).Select(i => E(EventTypes.LoginFailure, i * 70))));
    }

    [Fact]
    public void An_ongoing_brute_force_updates_one_alert_instead_of_raising_new_ones()
    {
        var alerts = Run(Detector("brute_force"), Enumerable.Range(0, 25).Select(i => E(EventTypes.LoginFailure, i * 20)));
        Assert.Equal(16, alerts.Count);
        Assert.Single(alerts.Select(a => a.Key).Distinct());
    }

    [Fact]
    public void Password_spray_counts_distinct_accounts_from_one_ip()
    {
        var nine = Enumerable.Range(0, 9).SelectMany(i => new[] { E(EventTypes.LoginFailure, i * 60, $"u-{i}"), E(EventTypes.LoginFailure, i * 60 + 5, $"u-{i}") });
        Assert.Empty(Run(Detector("password_spray"), nine));
        var ten = Enumerable.Range(0, 10).Select(i => E(EventTypes.LoginFailure, i * 60, $"u-{i}"));
        var alert = Run(Detector("password_spray"), ten).Last();
        Assert.Equal("ip", alert.SubjectKind);
        Assert.Contains("10 different accounts", alert.Explanation);
        // Ten accounts from ten IPs is not a spray from one source.
        Assert.Empty(Run(Detector("password_spray"), Enumerable.Range(0, 10).Select(i => E(EventTypes.LoginFailure, i * 60, $"u-{i}", $"203.0.113.{i}"))));
    }

    [Fact]
    public void Mfa_fatigue_needs_the_denials_and_then_an_acceptance()
    {
        var four = Enumerable.Range(0, 4).Select(i => E(EventTypes.MfaFailure, i * 30)).Append(E(EventTypes.MfaSuccess, 200, outcome: Outcomes.Success));
        Assert.Empty(Run(Detector("mfa_fatigue"), four));
        var fiveNoSuccess = Enumerable.Range(0, 5).Select(i => E(EventTypes.MfaFailure, i * 30));
        Assert.Empty(Run(Detector("mfa_fatigue"), fiveNoSuccess));
        var five = Enumerable.Range(0, 5).Select(i => E(EventTypes.MfaFailure, i * 30)).Append(E(EventTypes.MfaSuccess, 200, outcome: Outcomes.Success));
        Assert.Contains("denied or ignored 5 MFA prompts", Assert.Single(Run(Detector("mfa_fatigue"), five)).Explanation);
    }

    [Fact]
    public void Rate_limit_storms_are_counted_per_client()
    {
        AccessEvent R(int s, string client) { var e = E(EventTypes.RateLimited, s); e.ClientId = client; return e; }
        Assert.Empty(Run(Detector("rate_limit_storm"), Enumerable.Range(0, 49).Select(i => R(i, "a"))));
        Assert.Empty(Run(Detector("rate_limit_storm"), Enumerable.Range(0, 60).Select(i => R(i, i % 2 == 0 ? "a" : "b"))));
        Assert.NotEmpty(Run(Detector("rate_limit_storm"), Enumerable.Range(0, 50).Select(i => R(i, "a"))));
    }

    [Fact]
    public void A_rotated_refresh_token_presented_again_is_reuse_and_a_single_rotation_is_not()
    {
        AccessEvent Refresh(int s, string parent, string child) { var e = E(EventTypes.TokenRefreshed, s, outcome: Outcomes.Success); e.ParentTokenId = parent; e.TokenId = child; return e; }
        Assert.Empty(Run(Detector("refresh_token_reuse"), [Refresh(0, "rt-1", "rt-2"), Refresh(900, "rt-2", "rt-3")]));
        var alert = Assert.Single(Run(Detector("refresh_token_reuse"), [Refresh(0, "rt-1", "rt-2"), Refresh(900, "rt-2", "rt-3"), Refresh(1000, "rt-1", "rt-x")]));
        Assert.Equal(Severities.Critical, alert.Severity);
        Assert.Equal("rt-1", alert.Subject);
    }

    [Fact]
    public void One_refresh_reported_as_access_and_refresh_token_by_provider_and_client_is_not_reuse_but_a_second_presentation_is()
    {
        AccessEvent Refresh(int s, string source, string type, string child, string outcome = Outcomes.Success)
        {
            var e = E(EventTypes.TokenRefreshed, s, outcome: outcome);
            (e.Source, e.TokenType, e.ParentTokenId, e.TokenId) = (source, type, "rt-1", child);
            return e;
        }
        AccessEvent[] oneRefresh =
        [
            Refresh(0, "oidc-provider", TokenTypes.AccessToken, "at-2"), Refresh(0, "oidc-provider", TokenTypes.RefreshToken, "rt-2"),
            Refresh(1, "collector:shop", TokenTypes.AccessToken, "at-2"), Refresh(1, "collector:shop", TokenTypes.RefreshToken, "rt-2"),
        ];
        Assert.Empty(Run(Detector("refresh_token_reuse"), oneRefresh));
        // The same token type again from the same source, or any presentation well after the rotation: reuse.
        Assert.Single(Run(Detector("refresh_token_reuse"), [.. oneRefresh, Refresh(2, "oidc-provider", TokenTypes.AccessToken, "at-x")]));
        Assert.Single(Run(Detector("refresh_token_reuse"), [oneRefresh[0], Refresh(60, "oidc-provider", TokenTypes.RefreshToken, "rt-x")]));
        Assert.Single(Run(Detector("refresh_token_reuse"), [oneRefresh[0], Refresh(3, "oidc-provider", TokenTypes.RefreshToken, "", Outcomes.Failure)]));
        // A refresh that failed rotated nothing: retrying it later is not reuse.
        Assert.Empty(Run(Detector("refresh_token_reuse"), [Refresh(0, "oidc-provider", TokenTypes.AccessToken, "", Outcomes.Failure), Refresh(60, "oidc-provider", TokenTypes.AccessToken, "at-2")]));
    }

    [Fact]
    public void A_token_used_after_its_revocation_is_flagged_and_use_before_it_is_not()
    {
        AccessEvent T(string type, int s) { var e = E(type, s, outcome: Outcomes.Success); e.TokenId = "at-1"; return e; }
        Assert.Empty(Run(Detector("revoked_token_use"), [T(EventTypes.TokenValidated, 0), T(EventTypes.TokenRevoked, 10)]));
        var alerts = Run(Detector("revoked_token_use"), [T(EventTypes.TokenRevoked, 10), T(EventTypes.TokenValidated, 70), T(EventTypes.ResourceAccess, 71)]);
        Assert.Equal(2, alerts.Count);
        Assert.Single(alerts.Select(a => a.Key).Distinct());
    }

    [Fact]
    public void Thresholds_are_validated_with_every_problem_named()
    {
        var options = new DetectionOptions { BruteForce = new CountThreshold { Count = 1, WindowMinutes = 0 }, TokenMemoryDays = 0 };
        Assert.Equal(3, options.Validate().Count());
    }
}
