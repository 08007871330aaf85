using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AuditDashboard.Web.Alerts.Map;

/// <summary>
/// The world's coastlines as one SVG path in the plate carrée projection the alert map uses (x = longitude,
/// y = −latitude), decoded once from Natural Earth's 1:110m land shipped in the assembly (npm world-atlas). No tile
/// server and no request leaves the machine.
/// </summary>
public static class WorldMap
{
    private static readonly Lazy<string> LandPath = new(Build);

    public static string Land => LandPath.Value;

    private static string Build()
    {
        using var stream = typeof(WorldMap).Assembly.GetManifestResourceStream("AuditDashboard.Web.Alerts.Map.land-110m.json")
            ?? throw new InvalidOperationException("land-110m.json is not embedded");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        var scale = root.GetProperty("transform").GetProperty("scale");
        var translate = root.GetProperty("transform").GetProperty("translate");
        double kx = scale[0].GetDouble(), ky = scale[1].GetDouble(), dx = translate[0].GetDouble(), dy = translate[1].GetDouble();

        // TopoJSON arcs are quantized and delta-encoded: each point is the sum of the deltas before it.
        var arcs = new List<List<(double Lon, double Lat)>>();
        foreach (var arc in root.GetProperty("arcs").EnumerateArray())
        {
            long x = 0, y = 0;
            var points = new List<(double, double)>();
            foreach (var p in arc.EnumerateArray())
            {
                x += p[0].GetInt64();
                y += p[1].GetInt64();
                points.Add((x * kx + dx, y * ky + dy));
            }
            arcs.Add(points);
        }

        var path = new StringBuilder();
        foreach (var geometry in root.GetProperty("objects").GetProperty("land").GetProperty("geometries").EnumerateArray())
        {
            var polygons = geometry.GetProperty("type").GetString() == "Polygon"
                ? [geometry.GetProperty("arcs")]
                : geometry.GetProperty("arcs").EnumerateArray().ToList();
            foreach (var polygon in polygons)
                foreach (var ring in polygon.EnumerateArray())
                    Ring(path, ring, arcs);
        }
        return path.ToString();
    }

    private static void Ring(StringBuilder path, JsonElement ring, List<List<(double Lon, double Lat)>> arcs)
    {
        bool first = true;
        foreach (var index in ring.EnumerateArray())
        {
            int i = index.GetInt32();
            // A negative index is the one's complement of an arc walked backwards.
            var points = i >= 0 ? arcs[i] : Enumerable.Reverse(arcs[~i]).ToList();
            foreach (var (lon, lat) in points)
            {
                path.Append(first ? 'M' : 'L').Append(lon.ToString("F2", CultureInfo.InvariantCulture)).Append(',').Append((-lat).ToString("F2", CultureInfo.InvariantCulture));
                first = false;
            }
        }
        path.Append('Z');
    }
}
