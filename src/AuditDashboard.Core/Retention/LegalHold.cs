namespace AuditDashboard.Core.Retention;

/// <summary>
/// A legal hold: while it is in force, no event it touches may leave the store, whatever the retention period says.
/// Null scope fields mean "any": a hold with no source, user or period keeps everything. Released, never deleted.
/// </summary>
public sealed class LegalHold
{
    public long Id { get; set; }
    public string Reason { get; set; } = "";
    public string? Source { get; set; }
    public string? User { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public DateTime PlacedAt { get; set; }
    public string PlacedBy { get; set; } = "";
    public DateTime? ReleasedAt { get; set; }
    public string? ReleasedBy { get; set; }
    public string? ReleaseReason { get; set; }

    public bool InForce => ReleasedAt is null;

    public string Scope() =>
        string.Join(", ", new[]
        {
            Source is null ? null : $"source {Source}", User is null ? null : $"user {User}",
            From is null && To is null ? null : $"{From?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "the beginning"} to {To?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "now"}",
        }.OfType<string>()) is { Length: > 0 } s ? s : "every event";
}
