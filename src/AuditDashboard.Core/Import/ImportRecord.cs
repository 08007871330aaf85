using System.Text.Json;

namespace AuditDashboard.Core.Import;

/// <summary>One vendor record: a JSON value, or a text line (CEF). <see cref="Where"/> names it in errors.</summary>
public sealed record ImportRecord(int Index, string Where, JsonElement Json, string? Line = null)
{
    /// <summary>When this import began (the ingest clock), for a record without a time of its own (CEF without rt).</summary>
    public DateTimeOffset ImportedAt { get; init; }
}
