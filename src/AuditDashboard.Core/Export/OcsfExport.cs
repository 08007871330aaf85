using System.Text.Json.Nodes;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Integrity;

namespace AuditDashboard.Core.Export;

/// <summary>
/// Events as OCSF 1.3 Authentication (class_uid 3002) JSON lines: the required attributes (activity, category,
/// class, severity, time in epoch ms, type_uid, metadata with product and version) and status, user, session, source
/// endpoint and HTTP user agent; what OCSF has no place for goes to <c>unmapped</c>.
/// </summary>
public static class OcsfExport
{
    public static int Activity(string eventType) => eventType switch
    {
        EventTypes.LoginSuccess or EventTypes.LoginFailure => 1,
        EventTypes.Logout => 2,
        EventTypes.TokenIssued => 3,
        EventTypes.TokenValidated or EventTypes.TokenValidationFailed or EventTypes.TokenIntrospected => 4,
        EventTypes.TokenRefreshed => 5,
        _ => 99,
    };

    private static readonly Dictionary<int, string> ActivityNames = new() { [1] = "Logon", [2] = "Logoff", [3] = "Authentication Ticket", [4] = "Service Ticket Validation", [5] = "Service Ticket Renew", [99] = "Other" };

    public static string Line(AccessEvent e)
    {
        int activity = Activity(e.EventType);
        int status = e.Outcome == Outcomes.Success ? 1 : e.Outcome == Outcomes.Failure ? 2 : 0;
        int severity = e.Outcome == Outcomes.Failure || e.EventType == EventTypes.RateLimited ? 3 : 1;
        var o = new JsonObject
        {
            ["activity_id"] = activity,
            ["activity_name"] = ActivityNames[activity],
            ["category_uid"] = 3,
            ["category_name"] = "Identity & Access Management",
            ["class_uid"] = 3002,
            ["class_name"] = "Authentication",
            ["type_uid"] = 300200 + activity,
            ["type_name"] = "Authentication: " + ActivityNames[activity],
            ["severity_id"] = severity,
            ["severity"] = severity == 3 ? "Medium" : "Informational",
            ["time"] = new DateTimeOffset(e.Timestamp).ToUnixTimeMilliseconds(),
            ["status_id"] = status,
            ["status"] = status switch { 1 => "Success", 2 => "Failure", _ => "Unknown" },
            ["metadata"] = new JsonObject
            {
                ["version"] = "1.3.0",
                ["uid"] = e.EventId,
                ["event_code"] = e.EventType,
                ["product"] = new JsonObject { ["name"] = "AuditDashboard", ["vendor_name"] = "AuditDashboard" },
                ["original_time"] = CanonicalForm.FormatTimestamp(e.Timestamp),
                ["logged_time"] = new DateTimeOffset(e.ReceivedAt).ToUnixTimeMilliseconds(),
            },
        };
        if (e.Reason is not null) o["status_detail"] = e.Reason;
        if (e.UserId is not null || e.Username is not null)
        {
            var user = new JsonObject();
            if (e.UserId is not null) user["uid"] = e.UserId;
            if (e.Username is not null) user["name"] = e.Username;
            o["user"] = user;
        }
        if (e.SessionId is not null) o["session"] = new JsonObject { ["uid"] = e.SessionId };
        if (e.ClientId is not null) o["service"] = new JsonObject { ["uid"] = e.ClientId, ["name"] = e.ClientId };
        if (e.Ip is not null || e.GeoCountry is not null)
        {
            var src = new JsonObject();
            if (e.Ip is not null) src["ip"] = e.Ip;
            var location = new JsonObject();
            if (e.GeoCountry is not null) location["country"] = e.GeoCountry;
            if (e.GeoCity is not null) location["city"] = e.GeoCity;
            if (e.GeoLat is { } lat && e.GeoLon is { } lon) { location["lat"] = lat; location["long"] = lon; }
            if (location.Count > 0) src["location"] = location;
            if (e.GeoAsn is { } asn) src["autonomous_system"] = new JsonObject { ["number"] = asn };
            o["src_endpoint"] = src;
        }
        if (e.UserAgent is not null) o["http_request"] = new JsonObject { ["user_agent"] = e.UserAgent };
        if (e.Endpoint is not null || e.Resource is not null) o["dst_endpoint"] = new JsonObject { ["svc_name"] = e.Resource ?? e.Endpoint };
        var unmapped = new JsonObject
        {
            ["seq"] = e.Seq, ["source"] = e.Source, ["hash"] = HashChain.ToHex(e.Hash),
        };
        void Keep(string name, string? value) { if (value is not null) unmapped[name] = value; }
        Keep("correlation_id", e.CorrelationId);
        Keep("trace_id", e.TraceId);
        Keep("token_id", e.TokenId);
        Keep("token_type", e.TokenType);
        Keep("parent_token_id", e.ParentTokenId);
        Keep("grant_type", e.GrantType);
        Keep("scope", e.Scope);
        if (e.Attributes is not null) unmapped["attributes"] = JsonNode.Parse(e.Attributes);
        o["unmapped"] = unmapped;
        // The default encoder escapes <, > and & too: a SIEM that shows the JSON in a web page gets no markup from it.
        return o.ToJsonString();
    }
}
