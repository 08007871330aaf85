namespace AuditDashboard.Core.Geo;

/// <summary>
/// Configuration section <c>Geo</c>: MaxMind DB (.mmdb) files to look up events that arrive without geo.
/// Relative paths resolve against the content root. Both are optional; see docs/detection.md for where to get them.
/// </summary>
public sealed class GeoOptions
{
    public const string Section = "Geo";

    /// <summary>
    /// A city database (GeoLite2-City, GeoIP2-City, DB-IP lite, ip-location-db city); several separated by ';' are
    /// asked in order (ip-location-db ships IPv4 and IPv6 as two files).
    /// </summary>
    public string? DatabasePath { get; set; }

    /// <summary>An ASN database (GeoLite2-ASN, DB-IP ASN lite), when the city database carries no ASN; ';' separates several.</summary>
    public string? AsnDatabasePath { get; set; }

    /// <summary>
    /// A looked-up location whose accuracy radius is larger than this is kept only as a country: the impossible
    /// travel detector must not compare guesses hundreds of kilometres wide.
    /// </summary>
    public int MaxAccuracyRadiusKm { get; set; } = 200;

    public IEnumerable<string> Validate(string baseFolder)
    {
        foreach (var (name, paths) in new[] { ("DatabasePath", DatabasePath), ("AsnDatabasePath", AsnDatabasePath) })
        foreach (var path in Split(paths))
        {
            var full = Path.GetFullPath(path, baseFolder);
            if (!File.Exists(full))
            {
                yield return $"Geo:{name} '{full}' does not exist.";
                continue;
            }
            var problem = GeoLookup.Probe(full);
            if (problem is not null) yield return $"Geo:{name} '{full}' is not a usable MaxMind DB file: {problem}";
        }
        if (MaxAccuracyRadiusKm is < 1 or > 20000) yield return "Geo:MaxAccuracyRadiusKm must be between 1 and 20000.";
    }

    public static IEnumerable<string> Split(string? paths) =>
        (paths ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
