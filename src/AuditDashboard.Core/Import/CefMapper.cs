using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Import;

/// <summary>
/// ArcSight CEF lines: <c>CEF:Version|Vendor|Product|Version|Signature ID|Name|Severity|Extension</c>, with the
/// standard's escaping (<c>\|</c> and <c>\\</c> in the header; <c>\=</c>, <c>\\</c>, <c>\n</c>, <c>\r</c> in extension values).
/// </summary>
public sealed class CefMapper : IRecordMapper
{
    public string Format => "cef";

    public bool ReadsLines => true;

    public string VendorType(ImportRecord record) => record.Line is { } line && TryParse(line, out var cef, out _) ? cef.Name : "(unparsed)";

    public IReadOnlyList<CanonicalEvent> Map(ImportRecord record, string? source)
    {
        if (!TryParse(record.Line ?? "", out var cef, out var problem)) throw new ImportException($"{record.Where}: {problem}");
        var x = cef.Extension;
        string? Ext(string key) => x.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        string? outcome = Ext("outcome")?.ToLowerInvariant() switch
        {
            "success" or "succeeded" or "allow" or "allowed" => Outcomes.Success,
            "failure" or "failed" or "fail" or "deny" or "denied" or "blocked" => Outcomes.Failure,
            _ => null,
        };
        string[] signInWords = ["authentication", "logon", "login", "sign-in", "signin", "sign in"];
        bool authentication = signInWords.Any(w => cef.Name.Contains(w, StringComparison.OrdinalIgnoreCase));
        // An authentication line that does not say whether it succeeded cannot be a sign-in success or failure.
        string type = authentication ? outcome switch { Outcomes.Success => "login_success", Outcomes.Failure => "login_failure", _ => "authorization_request" } : "resource_access";
        // Our own export names the canonical type as the signature id.
        if (cef.Vendor == "AuditDashboard" && EventTypes.All.Contains(cef.SignatureId)) type = cef.SignatureId;
        string? time = Time(Ext("rt") ?? Ext("end") ?? Ext("start"));
        var attributes = new JsonObject();
        foreach (var (k, v) in x) attributes[k] = v;
        var c = new CanonicalEvent()
            // Without an id of its own a line is named by its hash, so importing the file again stores nothing new.
            .Set("event_id", Ext("externalId") ?? Ext("eventId") ?? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(record.Line!.TrimEnd()))))
            .Set("timestamp", time ?? Json.Iso(record.ImportedAt))
            .Set("event_type", type)
            .Set("outcome", outcome ?? Outcomes.Unknown)
            .Set("source", source ?? $"cef:{cef.Vendor}/{cef.Product}")
            .Set("reason", Ext("reason"))
            .Set("username", Ext("duser") ?? Ext("suser"))
            .Set("user_id", Ext("duid") ?? Ext("suid"))
            .Set("ip", Ext("src"))
            .Set("http_method", Ext("requestMethod")?.ToUpperInvariant())
            .Set("resource", Ext("request"))
            .Set("user_agent", Ext("requestClientApplication"))
            .Geo(null, null, double.TryParse(Ext("slat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) ? lat : null,
                double.TryParse(Ext("slong"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) ? lon : null)
            .Attribute("vendor_event_type", $"{cef.SignatureId} {cef.Name}")
            .Attribute("cef_version", cef.Version)
            .Attribute("device_vendor", cef.Vendor)
            .Attribute("device_product", cef.Product)
            .Attribute("device_version", cef.DeviceVersion)
            .Attribute("severity", cef.Severity)
            .Attribute("timestamp_source", time is null ? "import time (the line has no rt, start or end)" : null)
            .Attribute("extension", attributes);
        if (Ext("dpriv") is { } privilege) c.Attribute("destination_privileges", privilege);
        return [c];
    }

    private static string? Time(string? text)
    {
        if (text is null) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)) return Json.Iso(DateTimeOffset.FromUnixTimeMilliseconds(ms));
        string[] formats = ["MMM dd yyyy HH:mm:ss", "MMM dd yyyy HH:mm:ss.fff", "MMM dd HH:mm:ss", "MMM dd yyyy HH:mm:ss zzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
        return DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? Json.Iso(t) : null;
    }

    public sealed record CefLine(string Version, string Vendor, string Product, string DeviceVersion, string SignatureId, string Name, string Severity,
        Dictionary<string, string> Extension);

    /// <summary>Parses a CEF line; the problem names what is wrong when it is not one.</summary>
    public static bool TryParse(string line, out CefLine cef, out string problem)
    {
        cef = default!;
        int start = line.IndexOf("CEF:", StringComparison.Ordinal);
        if (start < 0)
        {
            problem = "not a CEF line (no 'CEF:' header)";
            return false;
        }
        var fields = new List<string>();
        var current = new StringBuilder();
        int i = start + 4;
        for (; i < line.Length && fields.Count < 7; i++)
        {
            char ch = line[i];
            if (ch == '\\' && i + 1 < line.Length && line[i + 1] is '|' or '\\')
            {
                current.Append(line[++i]);
            }
            else if (ch == '|')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else current.Append(ch);
        }
        if (fields.Count < 7)
        {
            problem = $"the CEF header has {fields.Count + 1} of its 8 '|'-separated fields";
            return false;
        }
        if (!Extensions(line[i..], out var extension, out problem)) return false;
        cef = new CefLine(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], extension);
        problem = "";
        return true;
    }

    /// <summary>key=value pairs; a value runs to the next unescaped " key=" and may hold spaces.</summary>
    private static bool Extensions(string text, out Dictionary<string, string> values, out string problem)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = "";
        text = text.Trim();
        int i = 0;
        while (i < text.Length)
        {
            int eq = text.IndexOf('=', i);
            if (eq <= i)
            {
                problem = $"extension text '{text[i..Math.Min(text.Length, i + 30)]}' is not key=value";
                return false;
            }
            string key = text[i..eq];
            if (!key.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '.' or '[' or ']'))
            {
                problem = $"extension key '{key}' is not a CEF key";
                return false;
            }
            var value = new StringBuilder();
            int j = eq + 1;
            while (j < text.Length)
            {
                char ch = text[j];
                if (ch == '\\' && j + 1 < text.Length)
                {
                    char next = text[j + 1];
                    value.Append(next switch { 'n' => '\n', 'r' => '\r', '=' => '=', '\\' => '\\', _ => next });
                    j += 2;
                    continue;
                }
                if (ch == '=')
                {
                    problem = $"an unescaped '=' in the value of '{key}'";
                    return false;
                }
                if (ch == ' ' && NextIsKey(text, j + 1)) break;
                value.Append(ch);
                j++;
            }
            values[key] = value.ToString().TrimEnd();
            i = j + 1;
        }
        return true;
    }

    private static bool NextIsKey(string text, int from)
    {
        int k = from;
        while (k < text.Length && (char.IsAsciiLetterOrDigit(text[k]) || text[k] is '_' or '.' or '[' or ']')) k++;
        return k > from && k < text.Length && text[k] == '=';
    }
}
