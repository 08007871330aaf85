using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text.Json;
using AuditDashboard.Collector;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AuditDashboard.Tests.Collector;

/// <summary>The collector's OpenID Connect hooks, driven through the handler's own event contexts.</summary>
public sealed class OpenIdConnectHookTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "auditdash-oidc-hook", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Sign_in_code_tokens_and_failure_are_recorded_with_token_ids_never_tokens()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthentication().AddOpenIdConnect(o => { o.Authority = "https://idp.test"; o.ClientId = "web-portal"; });
        services.AddAuditDashboardCollector(o =>
        {
            o.IngestUrl = new Uri("http://127.0.0.1:9/api/v1/events");
            o.ApiKey = "key";
            o.Source = "collector:web-portal";
            o.BufferDirectory = _folder;
        });
        await using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var scheme = new AuthenticationScheme(OpenIdConnectDefaults.AuthenticationScheme, null, typeof(OpenIdConnectHandler));
        var http = new DefaultHttpContext { RequestServices = provider };
        http.Request.Path = "/signin-oidc";
        var user = new ClaimsPrincipal(new ClaimsIdentity([new("sub", "u-7"), new("sid", "sid-42"), new("preferred_username", "mia@acme.example")], "oidc"));

        var accessToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://idp.test", Claims = new Dictionary<string, object> { ["jti"] = "at-1" },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(new byte[32]), SecurityAlgorithms.HmacSha256),
        });
        var idToken = new JwtSecurityToken(new JwtHeader(), new JwtPayload([new Claim("jti", "id-1"), new Claim("iss", "https://idp.test")]));

        await options.Events.OnAuthorizationCodeReceived(new AuthorizationCodeReceivedContext(http, scheme, options, new AuthenticationProperties()));
        await options.Events.OnTokenResponseReceived(new TokenResponseReceivedContext(http, scheme, options, user, new AuthenticationProperties())
        {
            TokenEndpointResponse = new OpenIdConnectMessage { AccessToken = accessToken, RefreshToken = "opaque-refresh-token", Scope = "openid orders.read" },
        });
        await options.Events.OnTokenValidated(new TokenValidatedContext(http, scheme, options, user, new AuthenticationProperties()) { SecurityToken = idToken });
        await options.Events.OnRemoteFailure(new RemoteFailureContext(http, scheme, options, new InvalidOperationException("access_denied: the user declined")));

        var buffer = provider.GetRequiredService<DiskBuffer>();
        var lines = buffer.Segments().SelectMany(File.ReadAllLines).ToList();
        var events = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["authorization_request", "token_issued", "token_issued", "login_success", "login_failure"], events.Select(e => e.GetProperty("event_type").GetString()));
        Assert.Equal("at-1", events[1].GetProperty("token_id").GetString());
        Assert.Equal("access_token", events[1].GetProperty("token_type").GetString());
        Assert.StartsWith("sha256:", events[2].GetProperty("token_id").GetString());
        Assert.Equal(("id-1", "id_token", "sid-42", "u-7"), (events[3].GetProperty("token_id").GetString(), events[3].GetProperty("token_type").GetString(),
            events[3].GetProperty("session_id").GetString(), events[3].GetProperty("user_id").GetString()));
        Assert.Equal("access_denied: the user declined", events[4].GetProperty("reason").GetString());
        Assert.All(events, e => Assert.Equal(("collector:web-portal", "web-portal"), (e.GetProperty("source").GetString(), e.GetProperty("client_id").GetString())));
        Assert.DoesNotContain(lines, l => l.Contains(accessToken[..30]) || l.Contains("opaque-refresh-token"));
    }
}
