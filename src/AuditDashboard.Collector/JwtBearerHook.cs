using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AuditDashboard.Collector;

/// <summary>Chains onto every JWT bearer scheme's events: each token validated, and each that fails with why.</summary>
internal sealed class JwtBearerHook(AuditCollector collector) : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        options.Events ??= new JwtBearerEvents();
        var validated = options.Events.OnTokenValidated;
        var failed = options.Events.OnAuthenticationFailed;
        options.Events.OnTokenValidated = async context =>
        {
            await validated(context);
            var token = context.SecurityToken as JsonWebToken;
            collector.Record("token_validated", "success", context.HttpContext, context.Principal, new Dictionary<string, string?>
            {
                ["token_id"] = AuditCollector.TokenId(token?.Id, token?.EncodedToken),
                ["token_type"] = "access_token",
                ["issuer"] = token?.Issuer,
                ["audience"] = token?.Audiences.FirstOrDefault(),
                ["scope"] = context.Principal?.FindFirst("scope")?.Value ?? context.Principal?.FindFirst("scp")?.Value,
            });
        };
        options.Events.OnAuthenticationFailed = async context =>
        {
            await failed(context);
            var header = context.Request.Headers.Authorization.ToString();
            var raw = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
            var message = context.Exception.Message;
            collector.Record("token_validation_failed", "failure", context.HttpContext, null, new Dictionary<string, string?>
            {
                ["reason"] = AuditCollector.Scrub($"{context.Exception.GetType().Name}: {(message.Length > 300 ? message[..300] : message)}"),
                ["token_id"] = AuditCollector.TokenId(null, raw),
                ["token_type"] = "access_token",
            });
        };
    }
}
