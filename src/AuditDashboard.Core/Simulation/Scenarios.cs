namespace AuditDashboard.Core.Simulation;

/// <summary>Labels of the injected attacks, found in <c>attributes.scenario</c> of every malicious event.</summary>
public static class Scenarios
{
    public const string PasswordSpray = "password_spray";
    public const string BruteForce = "brute_force";
    public const string CredentialStuffing = "credential_stuffing";
    public const string ImpossibleTravel = "impossible_travel";
    public const string RefreshTokenReuse = "refresh_token_reuse";
    public const string RevokedTokenUse = "revoked_token_use";
    public const string SessionHijack = "session_hijack";
    public const string PrivilegeEscalation = "privilege_escalation";
    public const string MfaFatigue = "mfa_fatigue";
    public const string RateLimitStorm = "rate_limit_storm";
    public const string DormantAccountReactivation = "dormant_account_reactivation";

    public static IReadOnlyList<string> All { get; } =
    [
        PasswordSpray, BruteForce, CredentialStuffing, ImpossibleTravel, RefreshTokenReuse, RevokedTokenUse,
        SessionHijack, PrivilegeEscalation, MfaFatigue, RateLimitStorm, DormantAccountReactivation,
    ];
}
