using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AuditDashboard.Collector;

/// <summary>Chains onto every OpenID Connect scheme's events: sign-in success and failure, code redeemed, tokens received.</summary>
internal sealed class OpenIdConnectHook(AuditCollector collector) : IPostConfigureOptions<OpenIdConnectOptions>
{
    public void PostConfigure(string? name, OpenIdConnectOptions options)
    {
        var events = options.Events ??= new OpenIdConnectEvents();
        var validated = events.OnTokenValidated;
        var failed = events.OnRemoteFailure;
        var code = events.OnAuthorizationCodeReceived;
        var tokens = events.OnTokenResponseReceived;
        events.OnTokenValidated = async context =>
        {
            await validated(context);
            collector.Record("login_success", "success", context.HttpContext, context.Principal, new Dictionary<string, string?>
            {
                ["token_id"] = AuditCollector.TokenId(context.SecurityToken?.Id, context.SecurityToken?.RawData),
                ["token_type"] = "id_token",
                ["issuer"] = context.SecurityToken?.Issuer,
                ["client_id"] = context.Options.ClientId,
            });
        };
        events.OnRemoteFailure = async context =>
        {
            await failed(context);
            collector.Record("login_failure", "failure", context.HttpContext, null, new Dictionary<string, string?>
            {
                ["reason"] = AuditCollector.Scrub(context.Failure?.Message ?? "remote sign-in failed"),
                ["client_id"] = (context.Options as OpenIdConnectOptions)?.ClientId,
            });
        };
        events.OnAuthorizationCodeReceived = async context =>
        {
            await code(context);
            // The code itself is never recorded: only that one was redeemed.
            collector.Record("authorization_request", "success", context.HttpContext, context.Principal, new Dictionary<string, string?>
            {
                ["grant_type"] = "authorization_code",
                ["client_id"] = context.Options.ClientId,
            });
        };
        events.OnTokenResponseReceived = async context =>
        {
            await tokens(context);
            var response = context.TokenEndpointResponse;
            foreach (var (type, raw) in new[] { ("access_token", response.AccessToken), ("refresh_token", response.RefreshToken) })
            {
                if (string.IsNullOrEmpty(raw)) continue;
                collector.Record("token_issued", "success", context.HttpContext, context.Principal, new Dictionary<string, string?>
                {
                    ["token_id"] = AuditCollector.TokenId(Jti(raw), raw),
                    ["token_type"] = type,
                    ["grant_type"] = "authorization_code",
                    ["client_id"] = context.Options.ClientId,
                    ["scope"] = response.Scope,
                });
            }
        };
    }

    /// <summary>The jti of a JWT access token; null for an opaque one.</summary>
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
}
