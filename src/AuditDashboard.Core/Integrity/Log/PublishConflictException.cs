namespace AuditDashboard.Core.Integrity.Log;

/// <summary>
/// A published file already exists with other content: what was published and what the store says now differ, a
/// fork like any other refusal to sign, so every caller handles it as one.
/// </summary>
public sealed class PublishConflictException(string path, long firstSeq)
    : LogConsistencyException(BreakKind.Forked, firstSeq, $"the published file {path} already exists with other content: the log now differs from what it published (a fork)")
{
    public string Path { get; } = path;

    /// <summary>The first seq the conflicting file covers.</summary>
    public long FirstSeq => Seq;
}
