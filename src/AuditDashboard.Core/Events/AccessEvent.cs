namespace AuditDashboard.Core.Events;

/// <summary>
/// One stored access event (docs/events.md) with the server-assigned chain fields.
/// Rows are append-only: the database refuses updates and deletes.
/// </summary>
public sealed class AccessEvent
{
    public long Seq { get; set; }
    public DateTime ReceivedAt { get; set; }
    public string EventId { get; set; } = "";
    public DateTime Timestamp { get; set; }
    public string EventType { get; set; } = "";
    public string Outcome { get; set; } = "";
    public string? Reason { get; set; }
    public string Source { get; set; } = "";
    public string? UserId { get; set; }
    public string? Username { get; set; }
    public string? ClientId { get; set; }
    public string? SessionId { get; set; }
    public string? CorrelationId { get; set; }
    public string? TraceId { get; set; }
    public string? TokenId { get; set; }
    public string? TokenType { get; set; }
    public string? ParentTokenId { get; set; }
    public string? GrantType { get; set; }
    public string? Scope { get; set; }
    /// <summary>Compact JSON array of strings, e.g. <c>["admin","viewer"]</c>.</summary>
    public string? Roles { get; set; }
    public string? Issuer { get; set; }
    public string? Audience { get; set; }
    public string? Endpoint { get; set; }
    public string? HttpMethod { get; set; }
    public int? HttpStatus { get; set; }
    public string? Resource { get; set; }
    public string? Ip { get; set; }
    public string? UserAgent { get; set; }
    public string? GeoCountry { get; set; }
    public string? GeoCity { get; set; }
    /// <summary>Rounded to 6 decimal places at ingest (about 0.1 m) so the canonical form is exact.</summary>
    public double? GeoLat { get; set; }
    public double? GeoLon { get; set; }
    public long? GeoAsn { get; set; }
    /// <summary>Compact JSON object text exactly as hashed.</summary>
    public string? Attributes { get; set; }
    public byte[] PrevHash { get; set; } = [];
    public byte[] Hash { get; set; } = [];
}
