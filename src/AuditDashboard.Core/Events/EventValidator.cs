using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AuditDashboard.Core.Ingest;

namespace AuditDashboard.Core.Events;

/// <summary>
/// Reads one JSON item of a batch into an <see cref="AccessEvent"/> (without chain fields),
/// collecting every problem instead of stopping at the first.
/// </summary>
public sealed partial class EventValidator(IngestOptions limits, TimeProvider clock)
{
    public const int MaxEventIdLength = 128;

    // PostgreSQL's text cannot hold U+0000; refused on every engine, so a store can move between engines (ADR 0016).
    internal const string NulText = "contains the character U+0000 (NUL), which the store does not keep in a field; remove it at the source or move the value into attributes";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex TraceIdFormat();

    [GeneratedRegex(@"^[A-Z]{1,16}$", RegexOptions.CultureInvariant)]
    private static partial Regex HttpMethodFormat();

    public AccessEvent? Read(JsonElement item, int index, List<FieldError> errors)
    {
        int before = errors.Count;
        void Fail(string field, string reason) => errors.Add(new FieldError(index, field, reason));

        if (item.ValueKind != JsonValueKind.Object)
        {
            Fail("(item)", $"must be a JSON object, got {item.ValueKind.ToString().ToLowerInvariant()}");
            return null;
        }

        // Every key and string at any depth is valid text, given once and no raw token before any field is read.
        if (!JsonTextCheck.Check(item, Fail, guardTokens: true)) return null;

        // One pass over the members instead of a lookup per field.
        var fields = new Dictionary<string, JsonElement>(32, StringComparer.Ordinal);
        foreach (var property in item.EnumerateObject())
        {
            if (!EventFields.Accepted.Contains(property.Name))
                Fail(property.Name, "unknown field; put vendor-specific data in attributes");
            else
                fields[property.Name] = property.Value;
        }

        var ev = new AccessEvent();

        string? Text(string field, bool required = false, int? maxLength = null)
        {
            if (!fields.TryGetValue(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required) Fail(field, "is required");
                return null;
            }
            if (value.ValueKind != JsonValueKind.String)
            {
                Fail(field, $"must be a string, got {value.ValueKind.ToString().ToLowerInvariant()}");
                return null;
            }
            var text = value.GetString()!;
            if (text.Length == 0)
            {
                if (required) Fail(field, "must not be empty");
                return null;
            }
            if (text.Contains('\0'))
            {
                Fail(field, NulText);
                return null;
            }
            int max = maxLength ?? limits.MaxFieldLength;
            if (text.Length > max)
            {
                Fail(field, $"is {text.Length} characters, over the limit of {max} (Ingest:MaxFieldLength)");
                return null;
            }
            return text;
        }

        string? OneOf(string field, IReadOnlyList<string> allowed, bool required = false)
        {
            var text = Text(field, required);
            if (text is not null && !allowed.Contains(text))
            {
                Fail(field, $"'{Truncate(text)}' is not one of: {string.Join(", ", allowed)}");
                return null;
            }
            return text;
        }

        ev.EventId = Text(EventFields.EventId, required: true, maxLength: MaxEventIdLength) ?? "";
        ev.Timestamp = ReadTimestamp(Text(EventFields.Timestamp, required: true), Fail);
        ev.EventType = OneOf(EventFields.EventType, EventTypes.All, required: true) ?? "";
        ev.Outcome = OneOf(EventFields.Outcome, Outcomes.All, required: true) ?? "";
        ev.Reason = Text(EventFields.Reason);
        ev.Source = Text(EventFields.Source, required: true) ?? "";
        ev.UserId = Text(EventFields.UserId);
        ev.Username = Text(EventFields.Username);
        ev.ClientId = Text(EventFields.ClientId);
        ev.SessionId = Text(EventFields.SessionId);
        ev.CorrelationId = Text(EventFields.CorrelationId);
        ev.TraceId = Text(EventFields.TraceId);
        if (ev.TraceId is not null && !TraceIdFormat().IsMatch(ev.TraceId))
        {
            Fail(EventFields.TraceId, "must be 32 lowercase hex digits (W3C Trace Context), not all zero");
            ev.TraceId = null;
        }
        else if (ev.TraceId == new string('0', 32))
        {
            Fail(EventFields.TraceId, "must not be all zero (W3C Trace Context)");
        }
        ev.TokenId = Text(EventFields.TokenId);
        ev.TokenType = OneOf(EventFields.TokenType, TokenTypes.All);
        ev.ParentTokenId = Text(EventFields.ParentTokenId);
        ev.GrantType = Text(EventFields.GrantType);
        ev.Scope = Text(EventFields.Scope);
        ev.Roles = ReadRoles(fields, Fail);
        ev.Issuer = Text(EventFields.Issuer);
        ev.Audience = Text(EventFields.Audience);
        ev.Endpoint = Text(EventFields.Endpoint);
        ev.HttpMethod = Text(EventFields.HttpMethod);
        if (ev.HttpMethod is not null && !HttpMethodFormat().IsMatch(ev.HttpMethod))
            Fail(EventFields.HttpMethod, "must be an uppercase HTTP method such as GET or POST");
        ev.HttpStatus = ReadHttpStatus(fields, Fail);
        ev.Resource = Text(EventFields.Resource);
        ev.Ip = NormalizeIp(Text(EventFields.Ip), Fail);
        ev.UserAgent = Text(EventFields.UserAgent, maxLength: limits.MaxUserAgentLength);
        new GeoReader(limits).Read(fields, ev, Fail);
        ev.Attributes = ReadAttributes(fields, Fail);

        return errors.Count == before ? ev : null;
    }

    private DateTime ReadTimestamp(string? text, Action<string, string> fail)
    {
        if (text is null) return default;
        if (!Rfc3339().IsMatch(text))
        {
            fail(EventFields.Timestamp, $"'{Truncate(text)}' is not an RFC 3339 timestamp with an offset, e.g. 2026-01-31T12:00:00.123Z");
            return default;
        }
        // .NET keeps 100 ns ticks: cut any 8th and 9th fractional digit before parsing.
        int dot = text.IndexOf('.');
        int fractionEnd = dot < 0 ? -1 : text.AsSpan(dot + 1).IndexOfAnyExceptInRange('0', '9') + dot + 1;
        var trimmed = dot >= 0 && fractionEnd - dot - 1 > 7 ? text.Remove(dot + 8, fractionEnd - dot - 8) : text;
        if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            fail(EventFields.Timestamp, $"'{Truncate(text)}' is not a valid date and time");
            return default;
        }
        var utc = parsed.UtcDateTime;
        if (utc.Year < 1970)
            fail(EventFields.Timestamp, "is before 1970");
        else if (utc > clock.GetUtcNow().UtcDateTime + limits.MaxFutureSkew)
            fail(EventFields.Timestamp, $"is more than {limits.MaxFutureSkew} ahead of the server clock (Ingest:MaxFutureSkew)");
        return utc;
    }

    private string? ReadRoles(Dictionary<string, JsonElement> item, Action<string, string> fail)
    {
        if (!item.TryGetValue(EventFields.Roles, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.Array)
        {
            fail(EventFields.Roles, "must be an array of strings");
            return null;
        }
        var roles = new List<string>();
        foreach (var role in value.EnumerateArray())
        {
            if (role.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(role.GetString()))
            {
                fail(EventFields.Roles, "must contain only non-empty strings");
                return null;
            }
            var text = role.GetString()!;
            if (text.Length > limits.MaxFieldLength)
            {
                fail(EventFields.Roles, $"has a role of {text.Length} characters, over the limit of {limits.MaxFieldLength} (Ingest:MaxFieldLength)");
                return null;
            }
            roles.Add(text);
        }
        return JsonSerializer.Serialize(roles, CompactJson.Options);
    }

    private static int? ReadHttpStatus(Dictionary<string, JsonElement> item, Action<string, string> fail)
    {
        if (!item.TryGetValue(EventFields.HttpStatus, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var status) || status is < 100 or > 599)
        {
            fail(EventFields.HttpStatus, "must be an integer from 100 to 599");
            return null;
        }
        return status;
    }

    private static string? NormalizeIp(string? text, Action<string, string> fail)
    {
        if (text is null) return null;
        var normalized = StrictIp.Normalize(text, out var problem);
        if (normalized is null) fail(EventFields.Ip, $"'{Truncate(text)}' {problem}");
        return normalized;
    }

    private string? ReadAttributes(Dictionary<string, JsonElement> item, Action<string, string> fail)
    {
        if (!item.TryGetValue(EventFields.Attributes, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.Object)
        {
            fail(EventFields.Attributes, "must be a JSON object");
            return null;
        }
        var text = JsonSerializer.Serialize(value, CompactJson.Options);
        int bytes = System.Text.Encoding.UTF8.GetByteCount(text);
        if (bytes > limits.MaxAttributesBytes)
        {
            fail(EventFields.Attributes, $"is {bytes} bytes, over the limit of {limits.MaxAttributesBytes} (Ingest:MaxAttributesBytes)");
            return null;
        }
        return text == "{}" ? null : text;
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
