namespace AuditDashboard.Core.Integrity.Log;

/// <summary>A published file already exists with other content: what was published and what the store says now differ.</summary>
public sealed class PublishConflictException(string path, long firstSeq)
    : Exception($"the published file {path} already exists with other content: the log now differs from what it published (a fork)")
{
    public string Path { get; } = path;

    /// <summary>The first seq the conflicting file covers.</summary>
    public long FirstSeq { get; } = firstSeq;
}
