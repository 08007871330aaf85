namespace AuditDashboard.Reporting.Model;

public sealed record SampleRow(long Seq, DateTime Timestamp, string EventType, string Outcome, string? User, string? Client, string? Ip, string Source, string Hash);
