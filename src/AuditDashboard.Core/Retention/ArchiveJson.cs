using System.Text.Json;
using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Retention;

/// <summary>
/// One archived event per line: every stored column under its column name, times as the stored UTC ticks and
/// hashes in hex, so an independent verifier (docs/verify_archive.py) recomputes the chain and the Merkle leaves
/// from exactly what was stored.
/// </summary>
public static class ArchiveJson
{
    /// <summary>Longer lines are not events this store wrote (ingest bounds every field).</summary>
    public const int MaxLineBytes = 1 << 20;

    public static void Write(Utf8JsonWriter w, AccessEvent e)
    {
        w.WriteStartObject();
        w.WriteNumber("seq", e.Seq);
        w.WriteNumber("received_at", e.ReceivedAt.Ticks);
        w.WriteString("event_id", e.EventId);
        w.WriteNumber("timestamp", e.Timestamp.Ticks);
        w.WriteString("event_type", e.EventType);
        w.WriteString("outcome", e.Outcome);
        foreach (var (name, value) in Texts(e)) Text(w, name, value);
        Number(w, "http_status", e.HttpStatus);
        if (e.GeoLat is { } lat) w.WriteNumber("geo_lat", lat); else w.WriteNull("geo_lat");
        if (e.GeoLon is { } lon) w.WriteNumber("geo_lon", lon); else w.WriteNull("geo_lon");
        Number(w, "geo_asn", e.GeoAsn);
        w.WriteString("prev_hash", Convert.ToHexStringLower(e.PrevHash));
        w.WriteString("hash", Convert.ToHexStringLower(e.Hash));
        w.WriteEndObject();
    }

    /// <summary>The event a line holds; a <see cref="FormatException"/> naming the field when it is not one.</summary>
    public static AccessEvent Read(ReadOnlySpan<byte> line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line.ToArray());
            var r = doc.RootElement;
            string? S(string name) => r.GetProperty(name).ValueKind == JsonValueKind.Null ? null : r.GetProperty(name).GetString();
            long? L(string name) => r.GetProperty(name).ValueKind == JsonValueKind.Null ? null : r.GetProperty(name).GetInt64();
            var e = new AccessEvent
            {
                Seq = r.GetProperty("seq").GetInt64(),
                ReceivedAt = new DateTime(r.GetProperty("received_at").GetInt64(), DateTimeKind.Utc),
                EventId = S("event_id") ?? throw new FormatException("event_id is null"),
                Timestamp = new DateTime(r.GetProperty("timestamp").GetInt64(), DateTimeKind.Utc),
                EventType = S("event_type") ?? throw new FormatException("event_type is null"),
                Outcome = S("outcome") ?? throw new FormatException("outcome is null"),
                HttpStatus = (int?)L("http_status"),
                GeoLat = r.GetProperty("geo_lat").ValueKind == JsonValueKind.Null ? null : r.GetProperty("geo_lat").GetDouble(),
                GeoLon = r.GetProperty("geo_lon").ValueKind == JsonValueKind.Null ? null : r.GetProperty("geo_lon").GetDouble(),
                GeoAsn = L("geo_asn"),
                PrevHash = Convert.FromHexString(S("prev_hash") ?? ""),
                Hash = Convert.FromHexString(S("hash") ?? ""),
            };
            (e.Reason, e.Source, e.UserId, e.Username, e.ClientId, e.SessionId) = (S("reason"), S("source") ?? "", S("user_id"), S("username"), S("client_id"), S("session_id"));
            (e.CorrelationId, e.TraceId, e.TokenId, e.TokenType, e.ParentTokenId, e.GrantType) = (S("correlation_id"), S("trace_id"), S("token_id"), S("token_type"), S("parent_token_id"), S("grant_type"));
            (e.Scope, e.Roles, e.Issuer, e.Audience, e.Endpoint, e.HttpMethod) = (S("scope"), S("roles"), S("issuer"), S("audience"), S("endpoint"), S("http_method"));
            (e.Resource, e.Ip, e.UserAgent, e.GeoCountry, e.GeoCity, e.Attributes) = (S("resource"), S("ip"), S("user_agent"), S("geo_country"), S("geo_city"), S("attributes"));
            return e;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentOutOfRangeException)
        {
            throw new FormatException($"not an archived event ({ex.Message})", ex);
        }
    }

    private static IEnumerable<(string, string?)> Texts(AccessEvent e) =>
    [
        ("reason", e.Reason), ("source", e.Source), ("user_id", e.UserId), ("username", e.Username), ("client_id", e.ClientId),
        ("session_id", e.SessionId), ("correlation_id", e.CorrelationId), ("trace_id", e.TraceId), ("token_id", e.TokenId),
        ("token_type", e.TokenType), ("parent_token_id", e.ParentTokenId), ("grant_type", e.GrantType), ("scope", e.Scope),
        ("roles", e.Roles), ("issuer", e.Issuer), ("audience", e.Audience), ("endpoint", e.Endpoint), ("http_method", e.HttpMethod),
        ("resource", e.Resource), ("ip", e.Ip), ("user_agent", e.UserAgent), ("geo_country", e.GeoCountry), ("geo_city", e.GeoCity),
        ("attributes", e.Attributes),
    ];

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    private static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v) w.WriteNumber(name, v); else w.WriteNull(name);
    }
}
