using System.Globalization;
using System.Text.Json;

namespace AuditDashboard.Core.Import;

/// <summary>Lenient reading of vendor JSON: a missing, null or differently typed value is simply absent.</summary>
internal static class Json
{
    public static JsonElement Get(this JsonElement e, params string[] path)
    {
        foreach (var name in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e)) return default;
        }
        return e;
    }

    public static string? Str(this JsonElement e, params string[] path)
    {
        var v = e.Get(path);
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() is { Length: > 0 } s && s != "null" ? s : null,
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    public static double? Num(this JsonElement e, params string[] path)
    {
        var v = e.Get(path);
        if (v.ValueKind == JsonValueKind.Number) return v.GetDouble();
        return v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    public static bool Has(this JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out _);

    /// <summary>Required: the record is refused, named, without it.</summary>
    /// <summary>Required, and a string: a number or object where the vendor writes a string is a malformed record.</summary>
    public static string Required(this JsonElement e, ImportRecord record, params string[] path) =>
        e.Get(path) is { ValueKind: JsonValueKind.String } v && v.GetString() is { Length: > 0 } s
            ? s
            : throw new ImportException($"{record.Where}: '{string.Join('.', path)}' is missing or not a string");

    public static string RequiredTime(this JsonElement e, ImportRecord record, params string[] path)
    {
        var v = e.Get(path);
        return v.ValueKind switch
        {
            JsonValueKind.String when DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) => Iso(t),
            JsonValueKind.Number when v.TryGetInt64(out var ms) => Iso(DateTimeOffset.FromUnixTimeMilliseconds(ms)),
            _ => throw new ImportException($"{record.Where}: '{string.Join('.', path)}' is missing or not a time"),
        };
    }

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
