namespace AuditDashboard.Core.Detection;

/// <summary>
/// What a detector found. <see cref="Key"/> names the episode (detector, subject, start), so seeing the same
/// condition again updates one alert instead of raising another.
/// </summary>
public sealed record AlertCandidate(
    string Detector,
    string Severity,
    string SubjectKind,
    string Subject,
    DateTime WindowStart,
    DateTime WindowEnd,
    IReadOnlyList<long> EvidenceSeqs,
    string Explanation,
    IReadOnlyList<string> Controls)
{
    public string Key => $"{Detector}|{SubjectKind}|{Subject}|{WindowStart:O}";
}
