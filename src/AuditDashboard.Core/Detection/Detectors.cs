using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Detection;

/// <summary>The detectors, built from their thresholds; each instance holds its own bounded state.</summary>
public static class Detectors
{
    /// <summary>Detectors that need a place: without a GeoIP database they see only events that carry their own geo.</summary>
    public static IReadOnlyList<string> GeoDetectors { get; } = ["impossible_travel", "new_country", "session_hijack"];

    /// <summary>Every detector name, the event detectors and the one that reads integrity verifications.</summary>
    public static IReadOnlyList<string> Names(DetectionOptions o) => [.. Create(o).Select(d => d.Name), IntegrityBreak.Name];

    public static IReadOnlyList<IDetector> Create(DetectionOptions o) =>
    [
        new FailureCountDetector("brute_force", Severities.High, o.BruteForce,
            e => e.EventType == EventTypes.LoginFailure,
            e => (e.UserId ?? e.Username) is { } user ? ("user", user) : null,
            (n, w, e) => $"{n} failed sign-ins for {e.Username ?? e.UserId} within {w.TotalMinutes:F0} minutes (threshold {o.BruteForce.Count}){(e.Ip is null ? "" : ", the latest from " + e.Ip)}.",
            [Controls.Cc61, Controls.Cc66, Controls.A85]),
        new PasswordSprayDetector(o.PasswordSpray),
        new MfaFatigueDetector(o.MfaFatigue),
        new FailureCountDetector("rate_limit_storm", Severities.Medium, o.RateLimitStorm,
            e => e.EventType == EventTypes.RateLimited,
            e => e.ClientId is { } c ? ("client", c) : e.Ip is { } ip ? ("ip", ip) : null,
            (n, w, e) => $"{n} rate-limit events for {(e.ClientId is null ? "IP " + e.Ip : "client " + e.ClientId)} within {w.TotalMinutes:F0} minutes (threshold {o.RateLimitStorm.Count}).",
            [Controls.Cc66, Controls.Cc72, Controls.A816]),
        new RefreshTokenReuseDetector(TimeSpan.FromDays(o.TokenMemoryDays)),
        new RevokedTokenUseDetector(TimeSpan.FromDays(o.TokenMemoryDays)),
        new CredentialStuffingDetector(o.CredentialStuffing),
        new ImpossibleTravelDetector(o.ImpossibleTravel),
        new SessionHijackDetector(TimeSpan.FromMinutes(o.SessionIdleMinutes)),
        new PrivilegeEscalationDetector(o.PrivilegedRoles, o.PrivilegedScopes),
        new DormantAccountDetector(TimeSpan.FromDays(o.DormantDays)),
        new NewCountryDetector(TimeSpan.FromDays(o.NewCountryLearningDays), o.NewCountryLearningSignIns),
    ];
}
