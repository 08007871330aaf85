namespace AuditDashboard.Core.Overview;

/// <summary>Derived, rebuildable: one row per session with its whole-session figures, for the sessions list.</summary>
public sealed class SessionAggregate
{
    public string SessionId { get; set; } = "";
    public string? UserId { get; set; }
    public string? Username { get; set; }
    public string? ClientId { get; set; }
    public DateTime FirstSeen { get; set; }
    public DateTime LastSeen { get; set; }
    public long Events { get; set; }
    public long Failures { get; set; }
    public int DistinctIps { get; set; }
    public int DistinctCountries { get; set; }
    /// <summary>Networks: the ASN when known, else the IPv4 /24 or IPv6 /48.</summary>
    public int DistinctNetworks { get; set; }
}
