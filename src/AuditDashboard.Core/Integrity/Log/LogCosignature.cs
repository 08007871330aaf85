namespace AuditDashboard.Core.Integrity.Log;

/// <summary>A witness's cosignature on one of the log's checkpoints (table <c>log_cosignatures</c>, append-only).</summary>
public sealed class LogCosignature
{
    public long CheckpointSize { get; set; }
    public string Witness { get; set; } = "";
    public long KeyId { get; set; }
    /// <summary>The signature line, <c>— name base64(key ID ‖ timestamp ‖ signature)</c>.</summary>
    public string Line { get; set; } = "";
    public DateTime SignedAt { get; set; }
    public DateTime AddedAt { get; set; }
}
