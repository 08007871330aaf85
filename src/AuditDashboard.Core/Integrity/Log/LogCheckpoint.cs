namespace AuditDashboard.Core.Integrity.Log;

/// <summary>A checkpoint the log signed (table <c>log_checkpoints</c>, append-only): one per tree size and signing key (keys rotate).</summary>
public sealed class LogCheckpoint
{
    public long Size { get; set; }
    /// <summary>The signing key's note key ID (the four bytes of the signature line).</summary>
    public long KeyId { get; set; }
    public byte[] Root { get; set; } = [];
    public DateTime MadeAt { get; set; }
    /// <summary>The signed note exactly as published.</summary>
    public string Note { get; set; } = "";
}
