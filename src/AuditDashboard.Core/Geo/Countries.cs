using System.Text.Json;

namespace AuditDashboard.Core.Geo;

/// <summary>
/// ISO 3166-1 alpha-2 codes and the names vendors write instead ("Germany" from Okta, "United States of America").
/// Every country is stored as its code; an importer that meets a name maps it and keeps the original in attributes.
/// </summary>
public static class Countries
{
    private sealed record Entry(string Code, string Alpha3, string Numeric, string[] Names);
    private sealed record File(string Source, Entry[] Countries);

    private static readonly Dictionary<string, Entry> ByCode;
    private static readonly Dictionary<string, string> ByName;
    private static readonly Dictionary<string, string> ByNumeric;

    static Countries()
    {
        using var stream = typeof(Countries).Assembly.GetManifestResourceStream("AuditDashboard.Core.Geo.countries.json")
            ?? throw new InvalidOperationException("countries.json is not embedded");
        var file = JsonSerializer.Deserialize<File>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        ByCode = file.Countries.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        ByName = new(StringComparer.OrdinalIgnoreCase);
        ByNumeric = new(StringComparer.Ordinal);
        foreach (var c in file.Countries)
        {
            ByNumeric[c.Numeric] = c.Code;
            ByName.TryAdd(c.Alpha3, c.Code);
            foreach (var name in c.Names) ByName.TryAdd(name, c.Code);
        }
    }

    /// <summary>The alpha-2 code for a code (any case), an alpha-3 code or an English name; null when unknown.</summary>
    public static string? ToCode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (value.Length == 2 && ByCode.ContainsKey(value)) return value.ToUpperInvariant();
        return ByName.GetValueOrDefault(value);
    }

    /// <summary>The code when the value names a country, else the value as given (an unknown name is not lost).</summary>
    public static string Normalize(string value) => ToCode(value) ?? value;

    public static string? Name(string? code) => code is not null && ByCode.TryGetValue(code, out var c) ? c.Names[0] : null;

    /// <summary>The alpha-2 code for an ISO 3166-1 numeric code ("276" or 276), as world maps key their shapes.</summary>
    public static string? FromNumeric(string numeric) => ByNumeric.GetValueOrDefault(numeric.PadLeft(3, '0'));
}
