namespace AuditDashboard.Core.Sessions;

/// <summary>One IdP session as the sessions list shows it.</summary>
public sealed record SessionSummary(
    string SessionId,
    string? UserId,
    string? Username,
    string? ClientId,
    DateTime FirstSeen,
    DateTime LastSeen,
    int EventCount,
    int DistinctIps,
    int DistinctCountries,
    int Failures,
    int DistinctNetworks = 0)
{
    public TimeSpan Duration => LastSeen - FirstSeen;
}
