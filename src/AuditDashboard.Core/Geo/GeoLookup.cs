using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AuditDashboard.Core.Events;
using MaxMind.Db;

namespace AuditDashboard.Core.Geo;

/// <summary>
/// Looks addresses up in MaxMind DB files and fills in the geo an event arrived without, on the copy the detectors
/// read: the stored, hashed event is never changed. Read with MaxMind.Db rather than GeoIP2 so that both the GeoIP2
/// layout (GeoLite2, DB-IP lite) and the flat layout of the ip-location-db files work. Thread-safe.
/// </summary>
public sealed class GeoLookup : IDisposable
{
    private readonly Lazy<(IReadOnlyList<Reader> City, IReadOnlyList<Reader> Asn, int MaxAccuracyKm)> _open;

    /// <summary>Opens the files on first use, so that start-up validation reports a bad path before anything reads it.</summary>
    public GeoLookup(Func<GeoOptions> options, string baseFolder) => _open = new(() =>
    {
        var o = options();
        List<Reader> Load(string? paths) => GeoOptions.Split(paths).Select(p => new Reader(Path.GetFullPath(p, baseFolder), FileAccessMode.MemoryMapped)).ToList();
        return (Load(o.DatabasePath), Load(o.AsnDatabasePath), o.MaxAccuracyRadiusKm);
    });

    /// <summary>No database: events keep only the geo they carry.</summary>
    public static GeoLookup None { get; } = new(() => new GeoOptions(), ".");

    public static GeoLookup Open(GeoOptions options, string baseFolder) => new(() => options, baseFolder);

    private IReadOnlyList<Reader> CityReaders => _open.Value.City;
    private IReadOnlyList<Reader> AsnReaders => _open.Value.Asn;
    private int MaxAccuracyKm => _open.Value.MaxAccuracyKm;

    public bool IsConfigured => CityReaders.Count > 0 || AsnReaders.Count > 0;

    /// <summary>Null when the file opens as a MaxMind DB, else what is wrong with it.</summary>
    public static string? Probe(string path)
    {
        try
        {
            using var reader = new Reader(path, FileAccessMode.Memory);
            return reader.Metadata.IPVersion is 4 or 6 ? null : $"unknown ip_version {reader.Metadata.IPVersion}";
        }
        catch (Exception ex) when (ex is InvalidDatabaseException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return ex.Message;
        }
    }

    /// <summary>Fills country, city, coordinates and ASN that the event lacks; an event that carries a place keeps it.</summary>
    public void Fill(AccessEvent e)
    {
        if (!IsConfigured || e.Ip is null) return;
        bool needsPlace = e.GeoCountry is null && e.GeoLat is null && e.GeoLon is null;
        if (!needsPlace && e.GeoAsn is not null) return;
        if (Find(e.Ip) is not { } place) return;
        if (needsPlace)
        {
            e.GeoCountry = place.Country;
            if (place is { Lat: { } lat, Lon: { } lon } && (place.AccuracyRadiusKm ?? 0) <= MaxAccuracyKm)
            {
                e.GeoLat = Math.Round(lat, 6);
                e.GeoLon = Math.Round(lon, 6);
                e.GeoCity = place.City;
            }
        }
        e.GeoAsn ??= place.Asn;
    }

    public GeoPlace? Find(string ip)
    {
        if (!IPAddress.TryParse(ip, out var address)) return null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var city = Record(CityReaders, address);
        var asn = Record(AsnReaders, address);
        if (city is null && asn is null) return null;
        var location = Map(city, "location");
        return new GeoPlace(
            Text(Map(city, "country"), "iso_code") ?? Text(city, "country_code"),
            Text(Map(Map(city, "city"), "names"), "en") ?? Text(city, "city"),
            Number(location, "latitude") ?? Number(city, "latitude"),
            Number(location, "longitude") ?? Number(city, "longitude"),
            Number(location, "accuracy_radius") is { } radius ? (int)radius : null,
            (Number(asn, "autonomous_system_number") ?? Number(city, "autonomous_system_number") ?? Number(Map(city, "traits"), "autonomous_system_number")) is { } n ? (long)n : null);
    }

    /// <summary>The first file that knows the address (ip-location-db ships IPv4 and IPv6 as separate files).</summary>
    private static Dictionary<string, object>? Record(IReadOnlyList<Reader> readers, IPAddress address)
    {
        foreach (var reader in readers)
        {
            // An IPv4-only database cannot be asked about an IPv6 address.
            if (reader.Metadata.IPVersion == 4 && address.AddressFamily == AddressFamily.InterNetworkV6) continue;
            if (reader.Find<Dictionary<string, object>>(address) is { } record) return record;
        }
        return null;
    }

    private static Dictionary<string, object>? Map(Dictionary<string, object>? record, string key) =>
        record is not null && record.TryGetValue(key, out var value) ? value as Dictionary<string, object> : null;

    private static string? Text(Dictionary<string, object>? record, string key) =>
        record is not null && record.TryGetValue(key, out var value) && value is string s && s.Length > 0 ? s : null;

    private static double? Number(Dictionary<string, object>? record, string key) =>
        record is not null && record.TryGetValue(key, out var value) && value is IConvertible c and not string
            ? c.ToDouble(CultureInfo.InvariantCulture)
            : null;

    public void Dispose()
    {
        if (!_open.IsValueCreated) return;
        foreach (var reader in _open.Value.City.Concat(_open.Value.Asn)) reader.Dispose();
    }
}
