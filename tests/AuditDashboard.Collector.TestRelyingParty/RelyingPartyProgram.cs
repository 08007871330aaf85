using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace AuditDashboard.Collector.TestRelyingParty;

/// <summary>
/// A relying party of the kind the collector is for: a web shop that signs its users in at an OpenID provider (code
/// flow with PKCE), keeps their tokens in its cookie, refreshes them, and calls the orders API (the collector's test
/// API) with the access token. The end-to-end tests start it against npm oidc-provider.
/// Settings: Oidc:Authority, Oidc:ClientId, Oidc:ClientSecret, Oidc:Resource (the orders API's resource indicator),
/// OrdersApi:BaseUrl, and the collector's Collector:* options.
/// </summary>
public sealed class RelyingPartyProgram
{
    public static void Main(string[] args) => CreateApp(args).Run();

    public static WebApplication CreateApp(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://127.0.0.1:0");
        var oidc = builder.Configuration.GetSection("Oidc");
        var authority = oidc["Authority"] ?? throw new InvalidOperationException("Oidc:Authority is required.");
        builder.Services.AddAuthentication(o =>
        {
            o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
        })
        .AddCookie()
        .AddOpenIdConnect(o =>
        {
            o.Authority = authority;
            o.RequireHttpsMetadata = !authority.StartsWith("http://127.0.0.1:", StringComparison.Ordinal);
            o.ClientId = oidc["ClientId"];
            o.ClientSecret = oidc["ClientSecret"];
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SaveTokens = true;
            o.MapInboundClaims = false;
            o.TokenValidationParameters.NameClaimType = "name";
            o.Scope.Add("offline_access");
            o.Scope.Add("orders:read");
            o.Events.OnRedirectToIdentityProvider = context =>
            {
                if (context.ProtocolMessage.RequestType == Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectRequestType.Authentication)
                {
                    context.ProtocolMessage.Resource = oidc["Resource"];
                    // OpenID Connect Core 11: a refresh token (offline_access) only with the user's explicit consent.
                    context.ProtocolMessage.Prompt = "consent";
                    // Ask for the provider's session id in the ID token: the collector puts it on every event as session_id.
                    context.ProtocolMessage.SetParameter("claims", """{"id_token":{"sid":{"essential":true}}}""");
                }
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorization();
        builder.Services.AddHttpClient(ShopEndpoints.OrdersClient, c => c.BaseAddress = new Uri(builder.Configuration["OrdersApi:BaseUrl"] ?? "http://127.0.0.1:1/"));
        builder.Services.AddHttpClient(TokenClient.HttpClientName);
        builder.Services.AddSingleton<TokenClient>();
        builder.Services.AddAuditDashboardCollector(o => builder.Configuration.GetSection("Collector").Bind(o));

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapShop();
        return app;
    }
}
