namespace AuditDashboard.Core.Overview;

/// <summary>Derived: an IP, network or country seen in a session, so distinct counts can grow one event at a time.</summary>
public sealed class SessionValue
{
    public const string Ip = "ip";
    public const string Country = "country";
    public const string Network = "network";

    public string SessionId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Value { get; set; } = "";
}
