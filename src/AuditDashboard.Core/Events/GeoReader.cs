using System.Globalization;
using System.Text.Json;
using AuditDashboard.Core.Ingest;

namespace AuditDashboard.Core.Events;

/// <summary>The <c>geo</c> object of an event: country, city, coordinates within their bounds, and an AS number.</summary>
internal sealed class GeoReader(IngestOptions limits)
{
    public void Read(Dictionary<string, JsonElement> item, AccessEvent ev, Action<string, string> fail)
    {
        if (!item.TryGetValue(EventFields.Geo, out var geo) || geo.ValueKind == JsonValueKind.Null)
            return;
        if (geo.ValueKind != JsonValueKind.Object)
        {
            fail(EventFields.Geo, "must be an object {country, city, lat, lon, asn}");
            return;
        }
        foreach (var property in geo.EnumerateObject())
        {
            if (property.Name is not ("country" or "city" or "lat" or "lon" or "asn"))
                fail($"geo.{property.Name}", "unknown field; geo has country, city, lat, lon, asn");
        }
        ev.GeoCountry = GeoText(geo, "country", fail);
        ev.GeoCity = GeoText(geo, "city", fail);
        ev.GeoLat = Coordinate(geo, "lat", 90, fail);
        ev.GeoLon = Coordinate(geo, "lon", 180, fail);
        if ((ev.GeoLat is null) != (ev.GeoLon is null))
            fail("geo", "lat and lon must be given together");
        if (geo.TryGetProperty("asn", out var asn) && asn.ValueKind != JsonValueKind.Null)
        {
            long number = -1;
            bool ok = asn.ValueKind switch
            {
                JsonValueKind.Number => asn.TryGetInt64(out number),
                JsonValueKind.String => long.TryParse(
                    asn.GetString()!.StartsWith("AS", StringComparison.OrdinalIgnoreCase) ? asn.GetString()![2..] : asn.GetString(),
                    NumberStyles.None, CultureInfo.InvariantCulture, out number),
                _ => false,
            };
            if (!ok || number is < 0 or > uint.MaxValue)
                fail("geo.asn", "must be an AS number (integer or \"AS123\")");
            else
                ev.GeoAsn = number;
        }
    }

    private string? GeoText(JsonElement geo, string name, Action<string, string> fail)
    {
        if (!geo.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            fail($"geo.{name}", "must be a string");
            return null;
        }
        var text = value.GetString()!;
        if (text.Length > limits.MaxFieldLength)
        {
            fail($"geo.{name}", $"is over the limit of {limits.MaxFieldLength} characters (Ingest:MaxFieldLength)");
            return null;
        }
        if (text.Contains('\0'))
        {
            fail($"geo.{name}", EventValidator.NulText);
            return null;
        }
        return text.Length == 0 ? null : text;
    }

    private static double? Coordinate(JsonElement geo, string name, double bound, Action<string, string> fail)
    {
        if (!geo.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || double.IsNaN(number) || Math.Abs(number) > bound)
        {
            fail($"geo.{name}", $"must be a number from -{bound} to {bound}");
            return null;
        }
        return Math.Round(number, 6, MidpointRounding.AwayFromZero);
    }
}
