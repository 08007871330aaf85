namespace AuditDashboard.Core.Retention;

/// <summary>
/// One month that left the store (table <c>retention_boundaries</c>, append-only): its events, seq
/// <see cref="FirstSeq"/> to <see cref="LastSeq"/>, were archived and verified, then removed. The last boundary is
/// where verification starts: the first kept event links to <see cref="LastHash"/>, and
/// <see cref="CheckpointNote"/>, signed before the removal and covering it, is the trust anchor for what left.
/// </summary>
public sealed class RetentionBoundary
{
    /// <summary>The month by received time, <c>yyyy-MM</c>.</summary>
    public string Month { get; set; } = "";
    public long FirstSeq { get; set; }
    public long LastSeq { get; set; }
    /// <summary>The chain hash of <see cref="LastSeq"/>: the first kept event's prev_hash.</summary>
    public byte[] LastHash { get; set; } = [];
    public long CheckpointSize { get; set; }
    /// <summary>The signed checkpoint note that covered the month when it left, exactly as signed.</summary>
    public string CheckpointNote { get; set; } = "";
    /// <summary>Where the month's archive was written, relative to the log's publish directory (<c>archive/yyyy-MM</c>).</summary>
    public string Archive { get; set; } = "";
    /// <summary>SHA-256 of the archive's events.ndjson.</summary>
    public byte[] ArchiveSha256 { get; set; } = [];
    public DateTime PurgedAt { get; set; }
    public string PurgedBy { get; set; } = "";

    public long Count => LastSeq - FirstSeq + 1;
}
