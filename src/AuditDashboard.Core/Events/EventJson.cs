using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace AuditDashboard.Core.Events;

/// <summary>Writes an event in the ingest schema (snake_case), optionally with the stored chain fields.</summary>
public static class EventJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = CompactJson.Options.Encoder, Indented = false };

    /// <param name="deliveredBy">With the chain fields: which way the event came in (see Integrity.Deliveries).</param>
    public static void Write(Utf8JsonWriter w, AccessEvent e, bool includeChain = false, string? deliveredBy = null)
    {
        w.WriteStartObject();
        if (includeChain)
        {
            w.WriteNumber("seq", e.Seq);
            w.WriteString("received_at", e.ReceivedAt.ToString("O", CultureInfo.InvariantCulture));
        }
        w.WriteString(EventFields.EventId, e.EventId);
        w.WriteString(EventFields.Timestamp, DateTime.SpecifyKind(e.Timestamp, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        w.WriteString(EventFields.EventType, e.EventType);
        w.WriteString(EventFields.Outcome, e.Outcome);
        Opt(w, EventFields.Reason, e.Reason);
        w.WriteString(EventFields.Source, e.Source);
        Opt(w, EventFields.UserId, e.UserId);
        Opt(w, EventFields.Username, e.Username);
        Opt(w, EventFields.ClientId, e.ClientId);
        Opt(w, EventFields.SessionId, e.SessionId);
        Opt(w, EventFields.CorrelationId, e.CorrelationId);
        Opt(w, EventFields.TraceId, e.TraceId);
        Opt(w, EventFields.TokenId, e.TokenId);
        Opt(w, EventFields.TokenType, e.TokenType);
        Opt(w, EventFields.ParentTokenId, e.ParentTokenId);
        Opt(w, EventFields.GrantType, e.GrantType);
        Opt(w, EventFields.Scope, e.Scope);
        if (e.Roles is not null)
        {
            w.WritePropertyName(EventFields.Roles);
            w.WriteRawValue(e.Roles);
        }
        Opt(w, EventFields.Issuer, e.Issuer);
        Opt(w, EventFields.Audience, e.Audience);
        Opt(w, EventFields.Endpoint, e.Endpoint);
        Opt(w, EventFields.HttpMethod, e.HttpMethod);
        if (e.HttpStatus is { } status) w.WriteNumber(EventFields.HttpStatus, status);
        Opt(w, EventFields.Resource, e.Resource);
        Opt(w, EventFields.Ip, e.Ip);
        Opt(w, EventFields.UserAgent, e.UserAgent);
        if (e.GeoCountry is not null || e.GeoCity is not null || e.GeoLat is not null || e.GeoAsn is not null)
        {
            w.WriteStartObject(EventFields.Geo);
            Opt(w, "country", e.GeoCountry);
            Opt(w, "city", e.GeoCity);
            if (e.GeoLat is { } lat) w.WriteNumber("lat", lat);
            if (e.GeoLon is { } lon) w.WriteNumber("lon", lon);
            if (e.GeoAsn is { } asn) w.WriteNumber("asn", asn);
            w.WriteEndObject();
        }
        if (e.Attributes is not null)
        {
            w.WritePropertyName(EventFields.Attributes);
            w.WriteRawValue(e.Attributes);
        }
        if (includeChain)
        {
            w.WriteString("prev_hash", Convert.ToHexStringLower(e.PrevHash));
            w.WriteString("hash", Convert.ToHexStringLower(e.Hash));
            if (deliveredBy is not null) w.WriteString("delivered_by", deliveredBy);
        }
        w.WriteEndObject();
    }

    /// <summary>NDJSON: one compact object per line.</summary>
    public static byte[] ToNdjson(IEnumerable<AccessEvent> events)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        foreach (var e in events)
        {
            using (var w = new Utf8JsonWriter(buffer, WriterOptions)) Write(w, e);
            buffer.Write("\n"u8);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static string ToJson(AccessEvent e, bool includeChain = false, string? deliveredBy = null)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions)) Write(w, e, includeChain, deliveredBy);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Opt(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }
}
