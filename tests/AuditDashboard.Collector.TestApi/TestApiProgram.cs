using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace AuditDashboard.Collector.TestApi;

/// <summary>
/// A resource server of the kind the collector is for: JWT bearer tokens, one protected endpoint, and one call to
/// AddAuditDashboardCollector. The integration tests host it with WebApplicationFactory.
/// </summary>
public sealed class TestApiProgram
{
    public const string Issuer = "https://issuer.test";
    public const string Audience = "orders-api";
    public static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("orders-api-test-signing-key-0123456789abcdef"));

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
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
        app.Run();
    }
}
