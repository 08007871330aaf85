namespace AuditDashboard.Reporting.Model;

public sealed record LabelledCount(string Label, long Count);
