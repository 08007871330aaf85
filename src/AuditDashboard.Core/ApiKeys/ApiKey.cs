namespace AuditDashboard.Core.ApiKeys;

/// <summary>An ingest API key. Only the SHA-256 of the key is stored; the key itself is shown once.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The non-secret start of the key (e.g. <c>adk_3f9a1c2b</c>), so people can tell keys apart.</summary>
    public string Prefix { get; set; } = "";
    public byte[] KeyHash { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    /// <summary>The source patterns the key may write, one per line; null for a key from before keys named them (ADR 0012).</summary>
    public string? Sources { get; set; }

    public bool IsActive => RevokedAt is null;
}
