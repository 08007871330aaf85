using System.Globalization;
using System.Text;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Integrity;

namespace AuditDashboard.Core.Explorer;

/// <summary>
/// CSV (RFC 4180) of events. Event content is untrusted: a cell that a spreadsheet would read as a formula
/// (starting with = + - @, tab or carriage return) gets a leading apostrophe, and every cell is quoted when needed.
/// </summary>
public static class CsvExport
{
    public static readonly string[] Header =
    [
        "seq", "timestamp", "received_at", "event_id", "event_type", "outcome", "reason", "source", "user_id", "username",
        "client_id", "session_id", "correlation_id", "trace_id", "token_id", "token_type", "parent_token_id", "grant_type",
        "scope", "roles", "issuer", "audience", "endpoint", "http_method", "http_status", "resource", "ip", "user_agent",
        "geo_country", "geo_city", "geo_lat", "geo_lon", "geo_asn", "attributes", "prev_hash", "hash", "delivered_by",
    ];

    public static string HeaderLine => string.Join(',', Header) + "\r\n";

    /// <param name="deliveredBy">Which way the event came in (the API key's name, the import, the dashboard): see <see cref="Deliveries"/>.</param>
    public static string Line(AccessEvent e, string? deliveredBy = null)
    {
        string?[] cells =
        [
            e.Seq.ToString(CultureInfo.InvariantCulture), CanonicalForm.FormatTimestamp(e.Timestamp), CanonicalForm.FormatTimestamp(e.ReceivedAt),
            e.EventId, e.EventType, e.Outcome, e.Reason, e.Source, e.UserId, e.Username, e.ClientId, e.SessionId, e.CorrelationId,
            e.TraceId, e.TokenId, e.TokenType, e.ParentTokenId, e.GrantType, e.Scope, e.Roles, e.Issuer, e.Audience, e.Endpoint,
            e.HttpMethod, e.HttpStatus?.ToString(CultureInfo.InvariantCulture), e.Resource, e.Ip, e.UserAgent, e.GeoCountry, e.GeoCity,
            e.GeoLat?.ToString("F6", CultureInfo.InvariantCulture), e.GeoLon?.ToString("F6", CultureInfo.InvariantCulture),
            e.GeoAsn?.ToString(CultureInfo.InvariantCulture), e.Attributes, HashChain.ToHex(e.PrevHash), HashChain.ToHex(e.Hash), deliveredBy,
        ];
        var line = new StringBuilder(512);
        for (int i = 0; i < cells.Length; i++)
        {
            if (i > 0) line.Append(',');
            line.Append(Cell(cells[i]));
        }
        return line.Append("\r\n").ToString();
    }

    /// <summary>"-6.208763", "-12": a minus sign, digits, at most one decimal point, nothing else.</summary>
    private static bool IsNegativeNumber(string value)
    {
        if (value.Length < 2 || value[0] != '-') return false;
        bool digits = false, point = false;
        for (int i = 1; i < value.Length; i++)
        {
            if (char.IsAsciiDigit(value[i])) digits = true;
            else if (value[i] == '.' && !point && digits) point = true;
            else return false;
        }
        return digits && value[^1] != '.';
    }

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        // A negative number (a longitude, a skew) is data a spreadsheet must keep as a number; anything else that
        // starts like a formula is neutralised.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsNegativeNumber(value)) value = "'" + value;
        bool quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value[0] == '\'' || value[^1] == ' ' || value[0] == ' ';
        return quote ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
