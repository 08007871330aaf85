using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace AuditDashboard.Collector.TestApi;

/// <summary>
/// A resource server of the kind the collector is for: JWT bearer tokens, one protected endpoint, and one call to
/// AddAuditDashboardCollector. The integration tests host it with WebApplicationFactory and sign tokens with
/// <see cref="Key"/>; the end-to-end tests start it with <c>Jwt:Authority</c> set, validating a real provider's tokens.
/// </summary>
public sealed class TestApiProgram
{
    public const string Issuer = "https://issuer.test";
    public const string Audience = "orders-api";
    public static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("orders-api-test-signing-key-0123456789abcdef"));

    public static void Main(string[] args) => CreateApp(args).Run();

    public static WebApplication CreateApp(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://127.0.0.1:0");
        var authority = builder.Configuration["Jwt:Authority"];
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            if (authority is not null)
            {
                // The provider's keys come from its discovery document; plain HTTP only because it runs on 127.0.0.1.
                o.Authority = authority;
                o.RequireHttpsMetadata = !authority.StartsWith("http://127.0.0.1:", StringComparison.Ordinal);
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidAudience = builder.Configuration["Jwt:Audience"] ?? Audience, NameClaimType = "sub",
                };
                return;
            }
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = Issuer, ValidAudience = Audience, IssuerSigningKey = Key, NameClaimType = "preferred_username",
            };
        });
        builder.Services.AddAuthorization();
        builder.Services.AddAuditDashboardCollector(o => builder.Configuration.GetSection("Collector").Bind(o));
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/orders", (HttpContext http) => Results.Ok(new { orders = new[] { "o-1", "o-2" }, user = http.User.Identity?.Name })).RequireAuthorization();
        return app;
    }
}
