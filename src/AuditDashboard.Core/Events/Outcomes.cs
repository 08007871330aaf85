namespace AuditDashboard.Core.Events;

public static class Outcomes
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Unknown = "unknown";

    public static IReadOnlyList<string> All { get; } = [Success, Failure, Unknown];
}
