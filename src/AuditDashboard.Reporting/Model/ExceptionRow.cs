namespace AuditDashboard.Reporting.Model;

/// <summary>An alert in the period and its triage: who moved it out of open first, and how long that took.</summary>
public sealed record ExceptionRow(long AlertId, string Detector, string Severity, string Subject, DateTime WindowStart, string Status,
    string? Assignee, string? TriagedBy, TimeSpan? TimeToTriage);
