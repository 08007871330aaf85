namespace AuditDashboard.Core.Events;

/// <summary>The event-type taxonomy (docs/events.md). Stored as these snake_case strings.</summary>
public static class EventTypes
{
    public const string AuthorizationRequest = "authorization_request";
    public const string LoginSuccess = "login_success";
    public const string LoginFailure = "login_failure";
    public const string MfaChallenge = "mfa_challenge";
    public const string MfaSuccess = "mfa_success";
    public const string MfaFailure = "mfa_failure";
    public const string TokenIssued = "token_issued";
    public const string TokenRefreshed = "token_refreshed";
    public const string TokenValidated = "token_validated";
    public const string TokenValidationFailed = "token_validation_failed";
    public const string TokenIntrospected = "token_introspected";
    public const string TokenRevoked = "token_revoked";
    public const string TokenExpired = "token_expired";
    public const string ScopeChanged = "scope_changed";
    public const string RoleChanged = "role_changed";
    public const string ConsentGranted = "consent_granted";
    public const string ConsentRevoked = "consent_revoked";
    public const string Logout = "logout";
    public const string RateLimited = "rate_limited";
    public const string ResourceAccess = "resource_access";
    public const string ProviderMetadata = "provider_metadata";
    public const string AdminAction = "admin_action";
    public const string DashboardAccess = "dashboard_access";

    public static IReadOnlyList<string> All { get; } =
    [
        AuthorizationRequest, LoginSuccess, LoginFailure, MfaChallenge, MfaSuccess, MfaFailure,
        TokenIssued, TokenRefreshed, TokenValidated, TokenValidationFailed, TokenIntrospected,
        TokenRevoked, TokenExpired, ScopeChanged, RoleChanged, ConsentGranted, ConsentRevoked,
        Logout, RateLimited, ResourceAccess, ProviderMetadata, AdminAction, DashboardAccess,
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string value) => Known.Contains(value);
}
