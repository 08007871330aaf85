namespace AuditDashboard.Core.Compliance;

/// <summary>The columns of an event a report counts with: read once per event in the period.</summary>
/// <param name="DashboardAttributes">The attributes of the dashboard's own events (what was done), null for every other event.</param>
public sealed record EventFacts(long Seq, DateTime Timestamp, DateTime ReceivedAt, string EventType, string Outcome, string Source, string? User, string? Client,
    string? Username = null, string? DashboardAttributes = null);
