using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuditDashboard.Core.Import;

/// <summary>
/// A canonical event being built from a vendor record: the fields of docs/events.md, the geo object, and
/// attributes that keep the vendor's own type, ids and the whole original record, so nothing is lost.
/// </summary>
public sealed class CanonicalEvent
{
    private readonly JsonObject _event = [];
    private readonly JsonObject _geo = [];
    private readonly JsonObject _attributes = [];

    private JsonObject? _raw;

    /// <summary>An event already in canonical form (native import); the ingest validation checks it.</summary>
    public static CanonicalEvent From(JsonObject raw, string? source)
    {
        if (source is not null) raw["source"] = source;
        return new CanonicalEvent { _raw = raw };
    }

    public CanonicalEvent Set(string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) _event[field] = value.Trim();
        return this;
    }

    public CanonicalEvent Set(string field, int? value)
    {
        if (value is { } v) _event[field] = v;
        return this;
    }

    public CanonicalEvent Roles(IEnumerable<string> roles)
    {
        var list = roles.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        if (list.Count > 0) _event["roles"] = new JsonArray([.. list.Select(r => (JsonNode?)JsonValue.Create(r))]);
        return this;
    }

    public CanonicalEvent Geo(string? country, string? city, double? lat, double? lon, long? asn = null)
    {
        if (!string.IsNullOrWhiteSpace(country)) _geo["country"] = country;
        if (!string.IsNullOrWhiteSpace(city)) _geo["city"] = city;
        if (lat is { } la && lon is { } lo && la is >= -90 and <= 90 && lo is >= -180 and <= 180)
        {
            _geo["lat"] = la;
            _geo["lon"] = lo;
        }
        if (asn is { } a && a > 0) _geo["asn"] = a;
        return this;
    }

    public CanonicalEvent Attribute(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) _attributes[name] = value;
        return this;
    }

    public CanonicalEvent Attribute(string name, JsonElement value)
    {
        if (value.ValueKind is not JsonValueKind.Undefined and not JsonValueKind.Null) _attributes[name] = JsonSerializer.SerializeToNode(value); // re-written: vendor text may carry trailing commas
        return this;
    }

    public CanonicalEvent Attribute(string name, JsonNode? value)
    {
        if (value is not null) _attributes[name] = value;
        return this;
    }

    public string ToJson()
    {
        if (_raw is not null) return _raw.ToJsonString(Options);
        if (_geo.Count > 0) _event["geo"] = _geo.DeepClone();
        if (_attributes.Count > 0) _event["attributes"] = _attributes.DeepClone();
        return _event.ToJsonString(Options);
    }

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
