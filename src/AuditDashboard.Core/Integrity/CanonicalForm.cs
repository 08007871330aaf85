using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Integrity;

/// <summary>
/// The canonical bytes of a stored event, as specified in docs/integrity.md. Any change here breaks
/// every existing chain: the format is versioned by that document, not by this code.
/// </summary>
public static class CanonicalForm
{
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static byte[] GetBytes(AccessEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        Write(e, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(AccessEvent e, IBufferWriter<byte> output)
    {
        var w = new Writer(output);
        w.BeginObject();
        w.Number("seq", e.Seq);
        w.Timestamp("received_at", e.ReceivedAt);
        w.String("event_id", e.EventId);
        w.Timestamp("timestamp", e.Timestamp);
        w.String("event_type", e.EventType);
        w.String("outcome", e.Outcome);
        w.String("reason", e.Reason);
        w.String("source", e.Source);
        w.String("user_id", e.UserId);
        w.String("username", e.Username);
        w.String("client_id", e.ClientId);
        w.String("session_id", e.SessionId);
        w.String("correlation_id", e.CorrelationId);
        w.String("trace_id", e.TraceId);
        w.String("token_id", e.TokenId);
        w.String("token_type", e.TokenType);
        w.String("parent_token_id", e.ParentTokenId);
        w.String("grant_type", e.GrantType);
        w.String("scope", e.Scope);
        w.Roles(e.Roles);
        w.String("issuer", e.Issuer);
        w.String("audience", e.Audience);
        w.String("endpoint", e.Endpoint);
        w.String("http_method", e.HttpMethod);
        w.Number("http_status", e.HttpStatus);
        w.String("resource", e.Resource);
        w.String("ip", e.Ip);
        w.String("user_agent", e.UserAgent);
        if (e.GeoCountry is not null || e.GeoCity is not null || e.GeoLat is not null || e.GeoLon is not null || e.GeoAsn is not null)
        {
            w.Key("geo");
            w.BeginObject();
            w.String("country", e.GeoCountry);
            w.String("city", e.GeoCity);
            w.Coordinate("lat", e.GeoLat);
            w.Coordinate("lon", e.GeoLon);
            w.Number("asn", e.GeoAsn);
            w.EndObject();
        }
        w.String("attributes", e.Attributes);
        w.EndObject();
    }

    public static string FormatTimestamp(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString(TimestampFormat, CultureInfo.InvariantCulture);

    private ref struct Writer(IBufferWriter<byte> output)
    {
        private readonly IBufferWriter<byte> _output = output;
        private bool _needComma;

        public void BeginObject()
        {
            Raw("{");
            _needComma = false;
        }

        public void EndObject()
        {
            Raw("}");
            _needComma = true;
        }

        public void Raw(string ascii)
        {
            var span = _output.GetSpan(ascii.Length);
            for (int i = 0; i < ascii.Length; i++) span[i] = (byte)ascii[i];
            _output.Advance(ascii.Length);
        }

        public void Key(string name)
        {
            Raw(_needComma ? ",\"" : "\"");
            _needComma = true;
            Raw(name);
            Raw("\":");
        }

        public void String(string name, string? value)
        {
            if (value is null) return;
            Key(name);
            Quoted(value);
        }

        public void Number(string name, long? value)
        {
            if (value is null) return;
            Key(name);
            var span = _output.GetSpan(20);
            value.Value.TryFormat(span, out int n, default, CultureInfo.InvariantCulture);
            _output.Advance(n);
        }

        /// <summary>The round-trip format of a UTC time is exactly yyyy-MM-ddTHH:mm:ss.fffffffZ, written without a string.</summary>
        public void Timestamp(string name, DateTime value)
        {
            Key(name);
            Raw("\"");
            var span = _output.GetSpan(28);
            DateTime.SpecifyKind(value, DateTimeKind.Utc).TryFormat(span, out int n, "O", CultureInfo.InvariantCulture);
            _output.Advance(n);
            Raw("\"");
        }

        public void Coordinate(string name, double? value)
        {
            if (value is null) return;
            Key(name);
            Raw(value.Value.ToString("F6", CultureInfo.InvariantCulture));
        }

        public void Roles(string? rolesJson)
        {
            if (rolesJson is null) return;
            Key("roles");
            Raw("[");
            // The stored column is a JSON array of strings (or the literal null, no roles); anything else was not written by ingest.
            var reader = new Utf8JsonReader(StrictUtf8.GetBytes(rolesJson));
            if (!reader.Read() || reader.TokenType is not (JsonTokenType.StartArray or JsonTokenType.Null))
                throw new JsonException("the stored roles are not a JSON array");
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                for (int i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
                {
                    if (reader.TokenType != JsonTokenType.String) throw new JsonException("the stored roles hold something other than strings");
                    if (i > 0) Raw(",");
                    Quoted(reader.GetString()!);
                }
                if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("the stored roles array is not closed");
            }
            if (reader.Read()) throw new JsonException("the stored roles have text after the array");
            Raw("]");
        }

        /// <summary>RFC 8785 (JCS) string escaping: \" \\ \b \t \n \f \r, other C0 controls as \u00xx, everything else UTF-8.</summary>
        public void Quoted(string value)
        {
            Raw("\"");
            int start = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                string? escape = c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\b' => "\\b",
                    '\t' => "\\t",
                    '\n' => "\\n",
                    '\f' => "\\f",
                    '\r' => "\\r",
                    < ' ' => "\\u00" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                    _ => null,
                };
                if (escape is null) continue;
                Utf8(value.AsSpan(start, i - start));
                Raw(escape);
                start = i + 1;
            }
            Utf8(value.AsSpan(start));
            Raw("\"");
        }

        private void Utf8(ReadOnlySpan<char> text)
        {
            if (text.IsEmpty) return;
            var span = _output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
            // Lone surrogates cannot come from valid JSON input; the strict encoder throws rather than guess.
            int n = StrictUtf8.GetBytes(text, span);
            _output.Advance(n);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
