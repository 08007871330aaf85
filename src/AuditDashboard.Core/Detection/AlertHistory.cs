namespace AuditDashboard.Core.Detection;

/// <summary>One change of an alert: who, when, from, to, and why. Append-only.</summary>
public sealed class AlertHistory
{
    public long Id { get; set; }
    public long AlertId { get; set; }
    public DateTime At { get; set; }
    public string Actor { get; set; } = "";
    public string? FromStatus { get; set; }
    public string ToStatus { get; set; } = "";
    public string? Note { get; set; }
}
