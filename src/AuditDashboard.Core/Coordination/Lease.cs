namespace AuditDashboard.Core.Coordination;

/// <summary>Who may run a piece of background work (the live detectors) until when; one row per piece of work.</summary>
public sealed class Lease
{
    public string Name { get; set; } = "";
    public string Holder { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
}
