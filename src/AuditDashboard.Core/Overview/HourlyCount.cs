namespace AuditDashboard.Core.Overview;

/// <summary>Derived, rebuildable: events per hour, type and outcome (the overview's charts and totals).</summary>
public sealed class HourlyCount
{
    public DateTime Hour { get; set; }
    public string EventType { get; set; } = "";
    public string Outcome { get; set; } = "";
    public long Count { get; set; }
}
