namespace AuditDashboard.Core.Detection;

public static class Severities
{
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";
    public const string Critical = "critical";
}
