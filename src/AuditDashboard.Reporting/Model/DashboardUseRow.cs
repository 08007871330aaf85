namespace AuditDashboard.Reporting.Model;

/// <summary>One person's use of the dashboard in the period: sign-ins, exports and downloads, triage, other recorded actions.</summary>
public sealed record DashboardUseRow(string Person, long SignIns, long FailedSignIns, long Exports, long Triage, long Other, DateTime First, DateTime Last);
