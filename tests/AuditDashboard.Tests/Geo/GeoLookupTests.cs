using AuditDashboard.Core.Events;
using AuditDashboard.Core.Geo;

namespace AuditDashboard.Tests.Geo;

public sealed class GeoLookupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "auditdash-geo", Guid.NewGuid().ToString("N"));

    public GeoLookupTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private GeoLookup Lookup(string? city = null, string? asn = null) =>
        GeoLookup.Open(new GeoOptions { DatabasePath = city, AsnDatabasePath = asn }, _folder);

    [Fact]
    public void Reads_the_GeoIP2_layout_and_a_separate_ASN_database()
    {
        using var geo = Lookup(TestGeoDatabases.City(_folder), TestGeoDatabases.Asn(_folder));
        Assert.True(geo.IsConfigured);
        Assert.Equal(new GeoPlace("GB", "London", 51.5142, -0.0931, 10, 20712), geo.Find("81.2.69.160"));
        Assert.Equal(new GeoPlace("JP", "Tokyo", 35.68536, 139.75309, 100, null), geo.Find("2001:218:1:2::3"));
        Assert.Equal("CN", geo.Find("::ffff:175.16.199.7")!.Country);
        Assert.Null(geo.Find("192.0.2.1"));
        Assert.Null(geo.Find("not an address"));
    }

    [Fact]
    public void Reads_the_flat_layout_of_the_ip_location_db_files_asking_each_file_in_turn()
    {
        using var geo = Lookup($"{TestGeoDatabases.Flat(_folder)}; {TestGeoDatabases.Flat6(_folder)}");
        Assert.Equal(new GeoPlace("AU", "Brisbane", -27.4679, 153.0281, null, null), geo.Find("1.0.0.1"));
        Assert.Equal(new GeoPlace("NZ", "Auckland", -36.8485, 174.7633, null, null), geo.Find("2406:e001::1"));
    }

    [Fact]
    public void Fills_only_what_an_event_lacks_and_keeps_the_geo_it_carries()
    {
        using var geo = Lookup(TestGeoDatabases.City(_folder), TestGeoDatabases.Asn(_folder));
        var bare = new AccessEvent { Ip = "81.2.69.160" };
        geo.Fill(bare);
        Assert.Equal(("GB", "London", 51.5142, -0.0931, 20712L), (bare.GeoCountry, bare.GeoCity, bare.GeoLat!.Value, bare.GeoLon!.Value, bare.GeoAsn!.Value));

        var carried = new AccessEvent { Ip = "81.2.69.160", GeoCountry = "FR", GeoCity = "Paris", GeoLat = 48.8566, GeoLon = 2.3522 };
        geo.Fill(carried);
        Assert.Equal(("FR", "Paris", 48.8566, 2.3522), (carried.GeoCountry, carried.GeoCity, carried.GeoLat!.Value, carried.GeoLon!.Value));
        Assert.Equal(20712L, carried.GeoAsn);

        var unknown = new AccessEvent { Ip = "10.1.2.3" };
        geo.Fill(unknown);
        Assert.Null(unknown.GeoCountry);
    }

    [Fact]
    public void A_location_wider_than_the_accuracy_limit_is_kept_as_a_country_only()
    {
        using var geo = Lookup(TestGeoDatabases.City(_folder));
        var e = new AccessEvent { Ip = "2.125.160.216" };
        geo.Fill(e);
        Assert.Equal("GB", e.GeoCountry);
        Assert.Null(e.GeoLat);
        Assert.Null(e.GeoCity);
    }

    [Fact]
    public void Without_a_database_nothing_is_looked_up()
    {
        var e = new AccessEvent { Ip = "81.2.69.160" };
        GeoLookup.None.Fill(e);
        Assert.False(GeoLookup.None.IsConfigured);
        Assert.Null(e.GeoCountry);
    }

    [Fact]
    public void Validation_names_a_missing_file_a_file_that_is_not_a_database_and_a_bad_limit()
    {
        var garbage = Path.Combine(_folder, "garbage.mmdb");
        File.WriteAllText(garbage, "this is not a MaxMind DB file");
        var errors = new GeoOptions { DatabasePath = "missing.mmdb", AsnDatabasePath = garbage, MaxAccuracyRadiusKm = 0 }.Validate(_folder).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Geo:DatabasePath '") && e.EndsWith("missing.mmdb' does not exist."));
        Assert.Contains(errors, e => e.StartsWith("Geo:AsnDatabasePath '") && e.Contains("is not a usable MaxMind DB file"));
        Assert.Contains("Geo:MaxAccuracyRadiusKm must be between 1 and 20000.", errors);
        Assert.Empty(new GeoOptions { DatabasePath = TestGeoDatabases.City(_folder) }.Validate(_folder));
    }
}
