namespace AuditDashboard.Core.Compliance;

/// <summary>The outcome of checking an evidence bundle offline: how many event proofs held, against which checkpoint, and every problem.</summary>
public sealed record BundleVerification(int EventsProven, string? Checkpoint, IReadOnlyList<string> Cosigners, IReadOnlyList<string> Problems)
{
    public bool Verified => Problems.Count == 0 && EventsProven > 0;
}
