namespace AuditDashboard.Reporting.Model;

/// <summary>
/// An alert in the period and its triage: who moved it out of open first, how long that took, and every recorded
/// step with its note (management's response).
/// </summary>
public sealed record ExceptionRow(long AlertId, string Detector, string Severity, string Subject, DateTime WindowStart, string Status,
    string? Assignee, string? TriagedBy, TimeSpan? TimeToTriage, IReadOnlyList<TriageStep> History)
{
    /// <summary>The latest note a person gave, or null when nobody has written one.</summary>
    public string? Response => History.LastOrDefault(h => !string.IsNullOrWhiteSpace(h.Note))?.Note;
}
