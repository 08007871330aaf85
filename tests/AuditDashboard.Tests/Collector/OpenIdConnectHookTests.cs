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

    /// <summary>The collector's services, buffering into this test's folder; nothing is shipped (the ingest URL is closed).</summary>
    private ServiceProvider Collector(string source, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        more?.Invoke(services);
        services.AddAuditDashboardCollector(o =>
        {
            o.IngestUrl = new Uri("http://127.0.0.1:9/api/v1/events");
            o.ApiKey = "key";
            o.Source = source;
            o.BufferDirectory = _folder;
        });
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Sign_in_code_tokens_and_failure_are_recorded_with_token_ids_never_tokens()
    {
        await using var provider = Collector("collector:web-portal",
            s => s.AddAuthentication().AddOpenIdConnect(o => { o.Authority = "https://idp.test"; o.ClientId = "web-portal"; }));
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
        // As in the code flow: the tokens arrive before the user is known, and are recorded once the ID token is validated.
        await options.Events.OnTokenResponseReceived(new TokenResponseReceivedContext(http, scheme, options, null!, new AuthenticationProperties())
        {
            TokenEndpointResponse = new OpenIdConnectMessage { AccessToken = accessToken, RefreshToken = "opaque-refresh-token", Scope = "openid orders.read" },
        });
        await options.Events.OnTokenValidated(new TokenValidatedContext(http, scheme, options, user, new AuthenticationProperties())
        {
            SecurityToken = idToken,
            TokenEndpointResponse = new OpenIdConnectMessage { AccessToken = accessToken, RefreshToken = "opaque-refresh-token", Scope = "openid orders.read" },
        });
        await options.Events.OnRemoteFailure(new RemoteFailureContext(http, scheme, options, new InvalidOperationException("access_denied: the user declined")));

        var buffer = provider.GetRequiredService<DiskBuffer>();
        var lines = buffer.Segments().SelectMany(File.ReadAllLines).ToList();
        var events = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["authorization_request", "login_success", "token_issued", "token_issued", "login_failure"], events.Select(e => e.GetProperty("event_type").GetString()));
        Assert.Equal(("id-1", "id_token", "sid-42", "u-7"), (events[1].GetProperty("token_id").GetString(), events[1].GetProperty("token_type").GetString(),
            events[1].GetProperty("session_id").GetString(), events[1].GetProperty("user_id").GetString()));
        Assert.Equal(("at-1", "access_token", "sid-42", "authorization_code"), (events[2].GetProperty("token_id").GetString(),
            events[2].GetProperty("token_type").GetString(), events[2].GetProperty("session_id").GetString(), events[2].GetProperty("grant_type").GetString()));
        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("opaque-refresh-token"u8)), events[3].GetProperty("token_id").GetString());
        Assert.Equal(("refresh_token", "sid-42"), (events[3].GetProperty("token_type").GetString(), events[3].GetProperty("session_id").GetString()));
        Assert.Equal("access_denied: the user declined", events[4].GetProperty("reason").GetString());
        Assert.All(events, e => Assert.Equal(("collector:web-portal", "web-portal"), (e.GetProperty("source").GetString(), e.GetProperty("client_id").GetString())));
        Assert.DoesNotContain(lines, l => l.Contains(accessToken[..30]) || l.Contains("opaque-refresh-token"));
    }

    [Fact]
    public async Task A_refresh_names_the_refresh_token_it_came_from_and_a_revocation_names_the_token_by_hash()
    {
        await using var provider = Collector("collector:shop");
        var collector = provider.GetRequiredService<AuditCollector>();
        var http = new DefaultHttpContext { RequestServices = provider };
        http.Request.Path = "/refresh";
        var user = new ClaimsPrincipal(new ClaimsIdentity([new("sub", "alice"), new("sid", "sid-9")], "cookie"));
        var access = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["jti"] = "at-2" },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(new byte[32]), SecurityAlgorithms.HmacSha256),
        });

        collector.RecordTokensReceived(http, user, "refresh_token", "shop", "orders:read", access, "rt-2", presentedRefreshToken: "rt-1");
        collector.RecordTokensReceived(http, user, "refresh_token", "shop", "orders:read", access, "rt-2", presentedRefreshToken: "rt-2");
        collector.RecordTokenRevoked(http, user, "rt-2", "refresh_token", "shop", succeeded: false, reason: "revocation endpoint said 503");

        var events = provider.GetRequiredService<DiskBuffer>().Segments().SelectMany(File.ReadAllLines).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        static string Hash(string s) => "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(s)));
        string? Get(int i, string name) => events[i].TryGetProperty(name, out var v) ? v.GetString() : null;
        // The second refresh kept its refresh token: only the access token is new.
        Assert.Equal(["token_refreshed", "token_refreshed", "token_refreshed", "token_revoked"], events.Select(e => e.GetProperty("event_type").GetString()));
        Assert.Equal(("at-2", "access_token", Hash("rt-1")), (Get(0, "token_id"), Get(0, "token_type"), Get(0, "parent_token_id")));
        Assert.Equal((Hash("rt-2"), "refresh_token", Hash("rt-1")), (Get(1, "token_id"), Get(1, "token_type"), Get(1, "parent_token_id")));
        Assert.Equal(("at-2", Hash("rt-2")), (Get(2, "token_id"), Get(2, "parent_token_id")));
        Assert.Equal((Hash("rt-2"), "failure", "revocation endpoint said 503"), (Get(3, "token_id"), Get(3, "outcome"), Get(3, "reason")));
        Assert.All(events, e => Assert.Equal(("sid-9", "alice", "shop"), (e.GetProperty("session_id").GetString(), e.GetProperty("user_id").GetString(), e.GetProperty("client_id").GetString())));
    }
}
