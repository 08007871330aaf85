namespace AuditDashboard.Core.Integrity.Log;

/// <summary>The store's tree does not extend a checkpoint the log already signed or published, so no new checkpoint may be signed.</summary>
public class LogConsistencyException(BreakKind kind, long seq, string message) : Exception(message)
{
    public BreakKind Kind { get; } = kind;
    public long Seq { get; } = seq;

    public VerificationResult ToResult() => new(false, 0, 0, "", Kind, Seq, Message);
}
