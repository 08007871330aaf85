using System.Globalization;
using System.Text.Json;
using AuditDashboard.Core.Events;

namespace AuditDashboard.Benchmarks;

/// <summary>Writes simulated events as an Okta System Log API response (a JSON array of LogEvents), for the import benchmark.</summary>
public static class OktaFile
{
    /// <summary>The Okta eventType for a canonical event, or null when Okta has no such event.</summary>
    public static string? EventType(AccessEvent e) => e.EventType switch
    {
        EventTypes.LoginSuccess or EventTypes.LoginFailure => "user.session.start",
        EventTypes.Logout => "user.session.end",
        EventTypes.MfaSuccess or EventTypes.MfaFailure => "user.authentication.auth_via_mfa",
        EventTypes.TokenIssued => e.TokenType == TokenTypes.IdToken ? "app.oauth2.as.token.grant.id_token" : "app.oauth2.as.token.grant.access_token",
        EventTypes.TokenRefreshed => "app.oauth2.as.token.grant.refresh_token",
        EventTypes.TokenRevoked => "app.oauth2.as.token.revoke",
        EventTypes.RateLimited => "system.operation.rate_limit.violation",
        EventTypes.AuthorizationRequest => "app.oauth2.as.authorize.code",
        _ => null,
    };

    public static void Write(Utf8JsonWriter w, AccessEvent e)
    {
        w.WriteStartObject();
        w.WriteString("uuid", e.EventId);
        w.WriteString("published", e.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        w.WriteString("eventType", EventType(e));
        w.WriteString("version", "0");
        w.WriteString("severity", e.Outcome == Outcomes.Failure ? "WARN" : "INFO");
        w.WriteStartObject("client");
        w.WriteStartObject("userAgent");
        w.WriteString("rawUserAgent", e.UserAgent);
        w.WriteEndObject();
        w.WriteString("zone", "null");
        w.WriteString("ipAddress", e.Ip);
        w.WriteStartObject("geographicalContext");
        w.WriteString("city", e.GeoCity);
        w.WriteString("country", e.GeoCountry);
        w.WriteStartObject("geolocation");
        if (e.GeoLat is { } lat) w.WriteNumber("lat", lat); else w.WriteNull("lat");
        if (e.GeoLon is { } lon) w.WriteNumber("lon", lon); else w.WriteNull("lon");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("actor");
        w.WriteString("id", e.UserId ?? "unknown");
        w.WriteString("type", "User");
        w.WriteString("alternateId", e.Username);
        w.WriteEndObject();
        w.WriteStartObject("outcome");
        w.WriteString("result", e.Outcome == Outcomes.Failure ? "FAILURE" : "SUCCESS");
        w.WriteString("reason", e.Reason);
        w.WriteEndObject();
        w.WriteStartArray("target");
        if (e.ClientId is not null)
        {
            w.WriteStartObject();
            w.WriteString("id", e.ClientId);
            w.WriteString("type", "AppInstance");
            w.WriteString("alternateId", e.ClientId);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("transaction");
        w.WriteString("type", "WEB");
        w.WriteString("id", e.CorrelationId);
        w.WriteEndObject();
        w.WriteStartObject("authenticationContext");
        w.WriteString("externalSessionId", e.SessionId);
        w.WriteEndObject();
        w.WriteStartObject("securityContext");
        if (e.GeoAsn is { } asn) w.WriteNumber("asNumber", asn); else w.WriteNull("asNumber");
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
