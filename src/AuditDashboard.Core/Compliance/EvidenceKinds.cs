namespace AuditDashboard.Core.Compliance;

/// <summary>Evidence beyond populations and exceptions that a control can call for.</summary>
public static class EvidenceKinds
{
    /// <summary>The hash-chain verification of the store.</summary>
    public const string Integrity = "integrity";
    /// <summary>Events per source and day, with the days a source fell silent.</summary>
    public const string Completeness = "completeness";
    /// <summary>Skew between the sources' timestamps and the time of receipt.</summary>
    public const string ClockSkew = "clock_skew";
    /// <summary>Who triaged each exception, with what disposition and how fast.</summary>
    public const string Triage = "triage";

    public static IReadOnlyList<string> All { get; } = [Integrity, Completeness, ClockSkew, Triage];
}
