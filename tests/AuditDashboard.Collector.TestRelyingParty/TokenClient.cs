using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Collector.TestRelyingParty;

/// <summary>
/// What the OpenID Connect handler does not do for a relying party: refresh the signed-in user's tokens and revoke
/// the refresh token at sign-out, at the endpoints from the provider's discovery document; both recorded by the collector.
/// </summary>
public sealed class TokenClient(IHttpClientFactory httpClients, IOptionsMonitor<OpenIdConnectOptions> oidcOptions, AuditCollector collector)
{
    public const string HttpClientName = "provider-endpoints";

    /// <summary>Refreshes the tokens in the user's cookie; returns null on success, else what the provider said.</summary>
    public async Task<string?> RefreshAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var signedIn = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var refreshToken = signedIn.Properties?.GetTokenValue("refresh_token");
        if (signedIn.Principal is null || signedIn.Properties is null || refreshToken is null) return "no refresh token in this session";
        var options = oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        using var response = await httpClients.CreateClient(HttpClientName).PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = options.ClientId!,
            ["client_secret"] = options.ClientSecret!,
        }), cancellationToken);
        using var body = await ReadJsonAsync(response, cancellationToken);
        string? Field(string name) => body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (!response.IsSuccessStatusCode || Field("access_token") is not { } accessToken)
        {
            var error = $"{(int)response.StatusCode} {Field("error")} {Field("error_description")}".Trim();
            collector.Record("token_refreshed", "failure", http, signedIn.Principal, new Dictionary<string, string?>
            {
                ["reason"] = Field("error") ?? error,
                ["grant_type"] = "refresh_token",
                ["parent_token_id"] = AuditCollector.TokenId(refreshToken),
                ["client_id"] = options.ClientId,
            });
            return error;
        }

        var newRefreshToken = Field("refresh_token") ?? refreshToken;
        collector.RecordTokensReceived(http, signedIn.Principal, "refresh_token", options.ClientId, Field("scope"), accessToken, newRefreshToken, refreshToken);
        signedIn.Properties.UpdateTokenValue("access_token", accessToken);
        signedIn.Properties.UpdateTokenValue("refresh_token", newRefreshToken);
        if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("expires_in", out var expiresIn) && expiresIn.TryGetInt32(out var seconds))
            signedIn.Properties.UpdateTokenValue("expires_at", DateTimeOffset.UtcNow.AddSeconds(seconds).ToString("o", CultureInfo.InvariantCulture));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, signedIn.Principal, signedIn.Properties);
        return null;
    }

    /// <summary>The token endpoint's JSON answer; anything else (a proxy's HTML error page) reads as an empty answer.</summary>
    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (JsonException)
        {
            return JsonDocument.Parse("{}");
        }
    }

    /// <summary>Revokes the session's refresh token (RFC 7009) so that it cannot outlive the sign-out.</summary>
    public async Task RevokeRefreshTokenAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var signedIn = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (signedIn.Properties?.GetTokenValue("refresh_token") is not { } refreshToken) return;
        var options = oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        if (string.IsNullOrEmpty(configuration.RevocationEndpoint)) return;
        using var response = await httpClients.CreateClient(HttpClientName).PostAsync(configuration.RevocationEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = refreshToken,
            ["token_type_hint"] = "refresh_token",
            ["client_id"] = options.ClientId!,
            ["client_secret"] = options.ClientSecret!,
        }), cancellationToken);
        collector.RecordTokenRevoked(http, signedIn.Principal, refreshToken, "refresh_token", options.ClientId, response.IsSuccessStatusCode,
            response.IsSuccessStatusCode ? null : $"revocation endpoint answered {(int)response.StatusCode}");
    }
}
