namespace AuditDashboard.Web.Auth;

/// <summary>The dashboard's roles; identity providers send them in the configured role claim.</summary>
public static class Roles
{
    public const string Auditor = "Auditor";
    public const string SecurityAnalyst = "SecurityAnalyst";
    public const string ComplianceOfficer = "ComplianceOfficer";
    public const string Administrator = "Administrator";

    public static IReadOnlyList<string> All { get; } = [Auditor, SecurityAnalyst, ComplianceOfficer, Administrator];
}
