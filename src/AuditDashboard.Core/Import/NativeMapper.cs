using System.Text.Json;

namespace AuditDashboard.Core.Import;

/// <summary>Canonical events (docs/events.md) as they are: the ingest API's own format, from a file.</summary>
public sealed class NativeMapper : IRecordMapper
{
    public string Format => "native";

    public string VendorType(ImportRecord record) => record.Json.Str("event_type") ?? "(none)";

    public IReadOnlyList<CanonicalEvent> Map(ImportRecord record, string? source)
    {
        if (record.Json.ValueKind != JsonValueKind.Object) throw new ImportException($"{record.Where}: an event must be a JSON object");
        return [CanonicalEvent.From(record.Json, source)];
    }
}
