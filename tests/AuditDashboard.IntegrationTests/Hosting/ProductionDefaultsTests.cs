using System.Net;
using System.Text;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuditDashboard.IntegrationTests.Hosting;

/// <summary>What a Production start gives without any extra configuration.</summary>
public sealed class ProductionDefaultsTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static Dictionary<string, string?> Oidc(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Authentication:Mode"] = "Oidc", ["Authentication:Oidc:Authority"] = "https://idp.example.test/realms/acme",
            ["Authentication:Oidc:ClientId"] = "auditdashboard", ["https_port"] = "443",
        };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task Production_redirects_to_https_and_sends_hsts_csp_and_the_other_security_headers()
    {
        await using var app = new AppFactory(_db.Path, Oidc(), "Production");
        using var plain = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://audit.example.test") });
        var redirect = await plain.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal("https://audit.example.test/healthz", redirect.Headers.Location!.ToString());

        using var tls = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://audit.example.test") });
        var response = await tls.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("form-action 'self' https://idp.example.test", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());

        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        Assert.Equal(CookieSecurePolicy.Always, cookie.Cookie.SecurePolicy);
        Assert.False(cookie.SlidingExpiration);
        Assert.Equal(TimeSpan.FromHours(8), cookie.ExpireTimeSpan);
    }

    [Fact]
    public async Task Ingest_over_its_rate_limit_is_429_with_retry_after_naming_the_limit()
    {
        await using var app = new AppFactory(_db.Path, new Dictionary<string, string?> { ["RateLimits:IngestPerMinute"] = "3" });
        using var client = await app.CreateIngestClientAsync();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (int i = 0; i < 4; i++)
        {
            last = await client.PostAsync("/api/v1/events", new StringContent(SampleEvents.Valid($"r-{i}").ToJsonString(), Encoding.UTF8, "application/json"));
            statuses.Add(last.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.Contains("RateLimits:IngestPerMinute", await last.Content.ReadAsStringAsync());

        // Another key has its own allowance.
        using var other = await app.CreateIngestClientAsync("other-source");
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsync("/api/v1/events", new StringContent(SampleEvents.Valid("o-1").ToJsonString(), Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task Sign_in_and_exports_have_their_own_limits()
    {
        await using var app = new AppFactory(_db.Path, new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "2", ["RateLimits:ExportPerMinute"] = "1" });
        using var client = await DashboardClient.SignedInAsync(app, "Auditor");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/export/events.csv")).StatusCode);
        var export = await client.GetAsync("/api/v1/export/events.csv");
        Assert.Equal(HttpStatusCode.TooManyRequests, export.StatusCode);
        Assert.Contains("RateLimits:ExportPerMinute", await export.Content.ReadAsStringAsync());
        await client.GetAsync("/login");
        var login = await client.GetAsync("/login");
        Assert.Equal(HttpStatusCode.TooManyRequests, login.StatusCode);
        Assert.Contains("RateLimits:SignInPerMinute", await login.Content.ReadAsStringAsync());
        Assert.True(login.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Unsafe_settings_are_refused_at_start_outside_development()
    {
        await using var app = new AppFactory(_db.Path, Oidc(("Authentication:Oidc:RequireHttpsMetadata", "false"), ("Authentication:Oidc:Authority", "http://idp.example.test"),
            ("Reports:SigningCertificatePath", ""), ("Hosting:KnownProxies:0", "proxy.example"), ("RateLimits:ExportPerMinute", "0")), "Production");
        var ex = Assert.ThrowsAny<Exception>(() => app.CreateClient()).ToString();
        Assert.Contains("RequireHttpsMetadata=false is accepted only for a provider on this machine", ex);
        Assert.Contains("Reports:SigningCertificatePath is required outside the Development environment", ex);
        Assert.Contains("Hosting:KnownProxies: 'proxy.example' is not an IP address", ex);
        Assert.Contains("RateLimits:ExportPerMinute must be", ex);
    }
}
