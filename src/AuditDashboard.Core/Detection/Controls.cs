namespace AuditDashboard.Core.Detection;

/// <summary>Control identifiers the detectors cite (docs/detection.md; SOC 2 TSC 2017, ISO/IEC 27001:2022 Annex A).</summary>
public static class Controls
{
    public const string Cc41 = "SOC2 CC4.1";
    public const string Cc61 = "SOC2 CC6.1";
    public const string Cc62 = "SOC2 CC6.2";
    public const string Cc66 = "SOC2 CC6.6";
    public const string Cc72 = "SOC2 CC7.2";
    public const string A517 = "ISO27001 A.5.17";
    public const string A528 = "ISO27001 A.5.28";
    public const string A533 = "ISO27001 A.5.33";
    public const string A83 = "ISO27001 A.8.3";
    public const string A85 = "ISO27001 A.8.5";
    public const string A815 = "ISO27001 A.8.15";
    public const string A816 = "ISO27001 A.8.16";
}
