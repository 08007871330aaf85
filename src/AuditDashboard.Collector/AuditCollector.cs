using System.Diagnostics;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AuditDashboard.Collector;

/// <summary>
/// Turns what happens in this service into AuditDashboard events and buffers them. Never records a raw token: a
/// token is named by its <c>jti</c> or by <c>sha256:</c> and the hex SHA-256 of its text.
/// </summary>
public sealed class AuditCollector(DiskBuffer buffer, IOptions<CollectorOptions> options, TimeProvider clock)
{
    public const string CorrelationHeader = "X-Correlation-ID";

    public long Dropped => buffer.Dropped;

    public static string TokenId(string? jti, string? rawToken) =>
        !string.IsNullOrEmpty(jti) ? jti : rawToken is null ? "" : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rawToken)));

    /// <summary>A token's id from its text: the <c>jti</c> of a JWT, else the hash of the (opaque) token.</summary>
    public static string TokenId(string rawToken) => TokenId(Jti(rawToken), rawToken);

    /// <summary>
    /// Records the tokens a relying party received from the token endpoint: <c>token_issued</c>, or for
    /// <paramref name="grantType"/> refresh_token <c>token_refreshed</c> with the refresh token they came from as parent
    /// (a refresh token that did not change is not recorded again).
    /// </summary>
    public void RecordTokensReceived(HttpContext? http, ClaimsPrincipal? user, string grantType, string? clientId, string? scope,
        string? accessToken, string? refreshToken, string? presentedRefreshToken = null)
    {
        bool refresh = grantType == "refresh_token";
        foreach (var (type, raw) in new[] { ("access_token", accessToken), ("refresh_token", refreshToken) })
        {
            if (string.IsNullOrEmpty(raw) || raw == presentedRefreshToken) continue;
            Record(refresh ? "token_refreshed" : "token_issued", "success", http, user, new Dictionary<string, string?>
            {
                ["token_id"] = TokenId(raw),
                ["token_type"] = type,
                ["parent_token_id"] = refresh && !string.IsNullOrEmpty(presentedRefreshToken) ? TokenId(presentedRefreshToken) : null,
                ["grant_type"] = grantType,
                ["client_id"] = clientId,
                ["scope"] = scope,
            });
        }
    }

    /// <summary>Records that this relying party revoked a token (RFC 7009), e.g. its refresh token at sign-out.</summary>
    public void RecordTokenRevoked(HttpContext? http, ClaimsPrincipal? user, string rawToken, string tokenType, string? clientId, bool succeeded, string? reason = null) =>
        Record("token_revoked", succeeded ? "success" : "failure", http, user, new Dictionary<string, string?>
        {
            ["token_id"] = TokenId(rawToken),
            ["token_type"] = tokenType,
            ["client_id"] = clientId,
            ["reason"] = reason is null ? null : Scrub(reason),
        });

    /// <summary>The jti of a JWT; null for an opaque token.</summary>
    private static string? Jti(string token)
    {
        try
        {
            return new JsonWebToken(token).Id is { Length: > 0 } id ? id : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Records an event: the canonical type and outcome, the request's context, and the fields given.</summary>
    public void Record(string eventType, string outcome, HttpContext? http, ClaimsPrincipal? user, IReadOnlyDictionary<string, string?> fields,
        IReadOnlyDictionary<string, string?>? attributes = null, int? httpStatus = null)
    {
        var e = new JsonObject
        {
            ["event_id"] = Guid.CreateVersion7(clock.GetUtcNow()).ToString(),
            ["timestamp"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["event_type"] = eventType,
            ["outcome"] = outcome,
            ["source"] = options.Value.Source,
        };
        void Set(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value) && !e.ContainsKey(name)) e[name] = value.Length > 1000 ? value[..1000] : value;
        }
        foreach (var (name, value) in fields) Set(name, value);
        if (user?.Identity?.IsAuthenticated == true)
        {
            Set("user_id", user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value);
            Set("username", user.FindFirst("preferred_username")?.Value ?? user.FindFirst("email")?.Value ?? user.Identity.Name);
            Set("session_id", user.FindFirst("sid")?.Value);
            Set("client_id", user.FindFirst("azp")?.Value ?? user.FindFirst("client_id")?.Value);
        }
        if (http is not null)
        {
            Set("ip", http.Connection.RemoteIpAddress?.ToString());
            Set("user_agent", http.Request.Headers.UserAgent.ToString());
            Set("endpoint", http.Request.Path.Value);
            Set("http_method", http.Request.Method);
            Set("correlation_id", CorrelationId(http));
        }
        if (httpStatus is { } status) e["http_status"] = status;
        Set("trace_id", Activity.Current is { TraceId: var trace } && trace != default ? trace.ToHexString() : null);
        if (attributes is not null)
        {
            var bag = new JsonObject();
            foreach (var (name, value) in attributes.Where(a => !string.IsNullOrEmpty(a.Value))) bag[name] = Scrub(value!);
            if (bag.Count > 0) e["attributes"] = bag;
        }
        buffer.Append(e.ToJsonString());
    }

    /// <summary>The request's correlation id: the caller's, or one given here and echoed back.</summary>
    public static string CorrelationId(HttpContext http)
    {
        if (http.Items[CorrelationHeader] is string known) return known;
        var id = http.Request.Headers[CorrelationHeader].ToString();
        if (string.IsNullOrWhiteSpace(id) || id.Length > 128) id = Guid.NewGuid().ToString("N");
        http.Items[CorrelationHeader] = id;
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[CorrelationHeader] = id;
            return Task.CompletedTask;
        });
        return id;
    }

    /// <summary>Error messages may quote a token: anything that looks like one is cut out.</summary>
    public static string Scrub(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"eyJ[A-Za-z0-9_\-]*\.[A-Za-z0-9_\-]*\.?[A-Za-z0-9_\-]*", "[token]");
}
