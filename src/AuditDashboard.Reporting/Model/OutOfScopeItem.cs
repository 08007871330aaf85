namespace AuditDashboard.Reporting.Model;

public sealed record OutOfScopeItem(string Framework, string Id, string Title, string Reason);
