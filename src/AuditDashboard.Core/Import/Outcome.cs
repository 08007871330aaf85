namespace AuditDashboard.Core.Import;

internal static class Outcome
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Unknown = "unknown";
}
