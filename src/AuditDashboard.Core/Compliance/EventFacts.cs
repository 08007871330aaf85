namespace AuditDashboard.Core.Compliance;

/// <summary>The columns of an event a report counts with: read once per event in the period.</summary>
public sealed record EventFacts(long Seq, DateTime Timestamp, DateTime ReceivedAt, string EventType, string Outcome, string Source, string? User, string? Client);
