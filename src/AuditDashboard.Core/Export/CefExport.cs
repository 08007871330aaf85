using System.Globalization;
using System.Text;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Integrity;

namespace AuditDashboard.Core.Export;

/// <summary>
/// Events as ArcSight CEF lines for a SIEM, escaped per the CEF standard: in the header <c>\</c> and <c>|</c>;
/// in extension values <c>\</c>, <c>=</c> and line breaks (as <c>\n</c>, <c>\r</c>). docs/importers.md lists the keys.
/// </summary>
public static class CefExport
{
    public static string Line(AccessEvent e)
    {
        var line = new StringBuilder(512);
        line.Append("CEF:0|AuditDashboard|AuditDashboard|1.0|").Append(Header(e.EventType)).Append('|')
            .Append(Header(e.EventType.Replace('_', ' '))).Append('|').Append(Severity(e).ToString(CultureInfo.InvariantCulture)).Append('|');
        bool first = true;
        void Add(string key, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            if (!first) line.Append(' ');
            first = false;
            line.Append(key).Append('=').Append(Value(value));
        }
        Add("rt", new DateTimeOffset(e.Timestamp).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Add("externalId", e.EventId);
        Add("outcome", e.Outcome);
        Add("reason", e.Reason);
        Add("suid", e.UserId);
        Add("suser", e.Username);
        Add("src", e.Ip);
        Add("requestClientApplication", e.UserAgent);
        Add("requestMethod", e.HttpMethod);
        Add("request", e.Resource ?? e.Endpoint);
        Add("slat", e.GeoLat?.ToString("F6", CultureInfo.InvariantCulture));
        Add("slong", e.GeoLon?.ToString("F6", CultureInfo.InvariantCulture));
        Add("cn1Label", "seq");
        Add("cn1", e.Seq.ToString(CultureInfo.InvariantCulture));
        Add("cs1Label", "source");
        Add("cs1", e.Source);
        Add("cs2Label", "client_id");
        Add("cs2", e.ClientId);
        Add("cs3Label", "session_id");
        Add("cs3", e.SessionId);
        Add("cs4Label", "correlation_id");
        Add("cs4", e.CorrelationId);
        Add("cs5Label", "trace_id");
        Add("cs5", e.TraceId);
        Add("cs6Label", "hash");
        Add("cs6", HashChain.ToHex(e.Hash));
        return line.ToString();
    }

    /// <summary>1–10: failures and storms rank above routine events.</summary>
    public static int Severity(AccessEvent e) => e.EventType switch
    {
        EventTypes.RateLimited => 6,
        EventTypes.RoleChanged or EventTypes.AdminAction => 5,
        _ when e.Outcome == Outcomes.Failure => 5,
        _ => 3,
    };

    public static string Header(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char ch in text)
        {
            if (ch is '\\' or '|') sb.Append('\\');
            sb.Append(ch is '\r' or '\n' ? ' ' : ch);
        }
        return sb.ToString();
    }

    public static string Value(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char ch in text)
        {
            switch (ch)
            {
                case '\\': sb.Append(@"\\"); break;
                case '=': sb.Append(@"\="); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }
}
