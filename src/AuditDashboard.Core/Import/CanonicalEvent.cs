using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuditDashboard.Core.Import;

/// <summary>
/// A canonical event being built from a vendor record: the fields of docs/events.md, the geo object, and
/// attributes that keep the vendor's own type, ids and the whole original record, so nothing is lost.
/// Written straight to JSON (the original record is copied element by element, never through a node tree).
/// </summary>
public sealed class CanonicalEvent
{
    private readonly List<(string Name, object Value)> _fields = [];
    private readonly List<(string Name, object Value)> _geo = [];
    private readonly List<(string Name, object Value)> _attributes = [];
    private JsonElement? _raw;
    private string? _rawSource;

    /// <summary>An event already in canonical form (native import); the ingest validation checks it.</summary>
    public static CanonicalEvent From(JsonElement raw, string? source) => new() { _raw = raw, _rawSource = source };

    public CanonicalEvent Set(string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) _fields.Add((field, value.Trim()));
        return this;
    }

    public CanonicalEvent Set(string field, int? value)
    {
        if (value is { } v) _fields.Add((field, v));
        return this;
    }

    public CanonicalEvent Roles(IEnumerable<string> roles)
    {
        var list = roles.Where(r => !string.IsNullOrWhiteSpace(r)).ToArray();
        if (list.Length > 0) _fields.Add(("roles", list));
        return this;
    }

    public CanonicalEvent Geo(string? country, string? city, double? lat, double? lon, long? asn = null)
    {
        if (!string.IsNullOrWhiteSpace(country))
        {
            // Codes everywhere, so one filter and the geo detectors see every source alike; the vendor's text is kept.
            var code = AuditDashboard.Core.Geo.Countries.ToCode(country);
            _geo.Add(("country", code ?? country.Trim()));
            if (code is not null && code != country.Trim()) _attributes.Add(("geo_country_original", country.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(city)) _geo.Add(("city", city));
        if (lat is { } la && lon is { } lo && la is >= -90 and <= 90 && lo is >= -180 and <= 180)
        {
            _geo.Add(("lat", la));
            _geo.Add(("lon", lo));
        }
        if (asn is { } a && a > 0) _geo.Add(("asn", a));
        return this;
    }

    public CanonicalEvent Attribute(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) _attributes.Add((name, value));
        return this;
    }

    public CanonicalEvent Attribute(string name, JsonElement value)
    {
        if (value.ValueKind is not JsonValueKind.Undefined and not JsonValueKind.Null) _attributes.Add((name, value));
        return this;
    }

    public CanonicalEvent Attribute(string name, JsonNode? value)
    {
        if (value is not null) _attributes.Add((name, value));
        return this;
    }

    public string ToJson() => Encoding.UTF8.GetString(ToUtf8());

    public byte[] ToUtf8()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            if (_raw is { } raw) WriteRaw(w, raw);
            else WriteBuilt(w);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private void WriteRaw(Utf8JsonWriter w, JsonElement raw)
    {
        if (_rawSource is null)
        {
            raw.WriteTo(w);
            return;
        }
        w.WriteStartObject();
        foreach (var p in raw.EnumerateObject())
            if (p.Name != "source") p.WriteTo(w);
        w.WriteString("source", _rawSource);
        w.WriteEndObject();
    }

    private void WriteBuilt(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        foreach (var (name, value) in _fields) Write(w, name, value);
        if (_geo.Count > 0)
        {
            w.WriteStartObject("geo");
            foreach (var (name, value) in _geo) Write(w, name, value);
            w.WriteEndObject();
        }
        if (_attributes.Count > 0)
        {
            w.WriteStartObject("attributes");
            foreach (var (name, value) in _attributes) Write(w, name, value);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter w, string name, object value)
    {
        switch (value)
        {
            case string s: w.WriteString(name, s); break;
            case int i: w.WriteNumber(name, i); break;
            case long l: w.WriteNumber(name, l); break;
            case double d: w.WriteNumber(name, d); break;
            case string[] list:
                w.WriteStartArray(name);
                foreach (var item in list) w.WriteStringValue(item);
                w.WriteEndArray();
                break;
            case JsonElement e:
                // Re-written element by element: vendor text may carry trailing commas, the output never does.
                w.WritePropertyName(name);
                e.WriteTo(w);
                break;
            case JsonNode n:
                w.WritePropertyName(name);
                n.WriteTo(w);
                break;
            default:
                throw new InvalidOperationException($"cannot write {value.GetType().Name}");
        }
    }
}
