namespace AuditDashboard.Core.Detection;

public static class AlertStatuses
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
    public const string FalsePositive = "false_positive";

    public static IReadOnlyList<string> All { get; } = [Open, Acknowledged, Resolved, FalsePositive];
}
