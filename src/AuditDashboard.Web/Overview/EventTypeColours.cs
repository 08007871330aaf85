using AuditDashboard.Core.Events;

namespace AuditDashboard.Web.Overview;

/// <summary>
/// One colour per event type, whatever the range: the chart's series are chosen by volume, so colours taken by
/// position would move from one type to another as the range changes.
/// </summary>
public static class EventTypeColours
{
    public const string Other = "#9e9e9e";

    // Chosen by hand so the types that stand side by side in a chart differ in hue, failures in reds.
    private static readonly Dictionary<string, string> Colours = new(StringComparer.Ordinal)
    {
        [EventTypes.AuthorizationRequest] = "#1e88e5", [EventTypes.LoginSuccess] = "#2e7d32", [EventTypes.LoginFailure] = "#c62828",
        [EventTypes.MfaChallenge] = "#00838f", [EventTypes.MfaSuccess] = "#66bb6a", [EventTypes.MfaFailure] = "#ef5350",
        [EventTypes.TokenIssued] = "#ad1457", [EventTypes.TokenRefreshed] = "#6d4c41", [EventTypes.TokenValidated] = "#283593",
        [EventTypes.TokenValidationFailed] = "#e65100", [EventTypes.TokenIntrospected] = "#5c6bc0", [EventTypes.TokenRevoked] = "#37474f",
        [EventTypes.TokenExpired] = "#8e24aa", [EventTypes.ScopeChanged] = "#9e9d24", [EventTypes.RoleChanged] = "#827717",
        [EventTypes.ConsentGranted] = "#26a69a", [EventTypes.ConsentRevoked] = "#004d40", [EventTypes.Logout] = "#78909c",
        [EventTypes.RateLimited] = "#fbc02d", [EventTypes.ResourceAccess] = "#fb8c00", [EventTypes.ProviderMetadata] = "#4e342e",
        [EventTypes.AdminAction] = "#d81b60", [EventTypes.DashboardAccess] = "#546e7a",
    };

    public static string Of(string eventType) => Colours.GetValueOrDefault(eventType, Other);
}
