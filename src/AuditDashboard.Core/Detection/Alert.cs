namespace AuditDashboard.Core.Detection;

/// <summary>
/// A stored alert: what a detector found (updated while the episode goes on) and its triage state. Alerts are
/// never deleted; every status change is appended to <see cref="AlertHistory"/>.
/// </summary>
public sealed class Alert
{
    public const int MaxEvidence = 500;

    public long Id { get; set; }
    public string Key { get; set; } = "";
    public string Detector { get; set; } = "";
    public string Severity { get; set; } = "";
    public string SubjectKind { get; set; } = "";
    public string Subject { get; set; } = "";
    public DateTime WindowStart { get; set; }
    public DateTime WindowEnd { get; set; }
    /// <summary>JSON array of evidence seqs, the most recent <see cref="MaxEvidence"/>.</summary>
    public string Evidence { get; set; } = "[]";
    public int EvidenceCount { get; set; }
    public string Explanation { get; set; } = "";
    /// <summary>JSON array of control identifiers.</summary>
    public string Controls { get; set; } = "[]";
    public DateTime FirstDetectedAt { get; set; }
    public DateTime LastDetectedAt { get; set; }
    public string Status { get; set; } = AlertStatuses.Open;
    public string? Assignee { get; set; }
}
