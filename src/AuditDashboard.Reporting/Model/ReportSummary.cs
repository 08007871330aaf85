namespace AuditDashboard.Reporting.Model;

public sealed record ReportSummary(
    long Events,
    long SignIns,
    long SignInFailures,
    int Users,
    int Clients,
    int Sources,
    IReadOnlyList<DailyCount> EventsPerDay,
    IReadOnlyList<DailyCount> FailuresPerDay,
    IReadOnlyList<LabelledCount> AlertsBySeverity,
    IReadOnlyList<LabelledCount> AlertsByStatus);
