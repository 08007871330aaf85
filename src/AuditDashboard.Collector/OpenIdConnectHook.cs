using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

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
            // Recorded here rather than when the token response arrives: only now is the user (and sid) known.
            var response = context.TokenEndpointResponse ?? context.ProtocolMessage;
            if (response is not null)
            {
                var grant = context.TokenEndpointResponse is not null ? "authorization_code" : "implicit";
                collector.RecordTokensReceived(context.HttpContext, context.Principal, grant, context.Options.ClientId,
                    response.Scope, response.AccessToken, response.RefreshToken);
            }
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
    }
}
