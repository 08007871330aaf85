namespace AuditDashboard.Reporting.Model;

public sealed record DailyCount(DateTime Day, long Count);
