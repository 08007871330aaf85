namespace AuditDashboard.Core.Integrity;

/// <summary>
/// The chain head recorded with every accepted batch, in the same transaction (append-only).
/// Lets verification detect a cut tail or a forged row appended after the last accepted batch.
/// </summary>
public sealed class ChainHead
{
    public long Id { get; set; }
    public long FirstSeq { get; set; }
    public long LastSeq { get; set; }
    public byte[] Hash { get; set; } = [];
    public DateTime RecordedAt { get; set; }
    /// <summary>Which way in: <c>api:&lt;key name&gt;</c>, <c>cli:simulate</c>, <c>web:demo-seed</c>…</summary>
    public string Origin { get; set; } = "";
}
