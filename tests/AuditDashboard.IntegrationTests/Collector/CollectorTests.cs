using AuditDashboard.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using AuditDashboard.Collector;
using AuditDashboard.Collector.TestApi;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Storage;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuditDashboard.IntegrationTests.Collector;

/// <summary>A resource server using the collector, hosted with WebApplicationFactory, delivering to the real dashboard through an outage.</summary>
public sealed class CollectorTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static string Token(string jti, DateTime expires, string sid = "sid-42") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = TestApiProgram.Issuer, Audience = TestApiProgram.Audience, Expires = expires, NotBefore = expires.AddHours(-2), IssuedAt = expires.AddHours(-2),
        SigningCredentials = new SigningCredentials(TestApiProgram.Key, SecurityAlgorithms.HmacSha256),
        Subject = new ClaimsIdentity([new("sub", "u-7"), new("preferred_username", "mia@acme.example"), new("sid", sid), new("azp", "web-portal"),
            new("scope", "orders.read"), new("jti", jti)]),
    });

    [Fact]
    public async Task Validations_failures_and_downstream_access_reach_the_dashboard_after_an_outage_without_loss_and_without_raw_tokens()
    {
        await using var dashboard = new AppFactory(_db.Path);
        var key = await dashboard.CreateApiKeyAsync("orders-api");
        var outage = new OutageHandler(dashboard.Server.CreateHandler());
        var buffer = Path.Combine(_db.Folder, "collector-buffer");
        await using var api = new WebApplicationFactory<TestApiProgram>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Collector:IngestUrl", "http://dashboard/api/v1/events");
            b.UseSetting("Collector:ApiKey", key);
            b.UseSetting("Collector:Source", "collector:orders-api");
            b.UseSetting("Collector:BufferDirectory", buffer);
            b.UseSetting("Collector:FlushInterval", "00:00:00.200");
            b.UseSetting("Collector:MaxRetryDelay", "00:00:00.500");
            b.ConfigureServices(s => s.AddHttpClient(EventShipper.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => outage));
        });
        outage.Down = true;
        using var client = api.CreateClient();

        var valid = Token("jti-1", DateTime.UtcNow.AddHours(1));
        for (int i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", valid);
            request.Headers.Add(AuditCollector.CorrelationHeader, $"corr-{i}");
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"corr-{i}", response.Headers.GetValues(AuditCollector.CorrelationHeader).Single());
        }
        var expired = Token("jti-old", DateTime.UtcNow.AddHours(-1));
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/orders"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", expired);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/orders")).StatusCode);

        // Down: nothing arrives, everything waits on disk.
        await Eventually.HoldsAsync(() => outage.Refused >= 2, "two refused deliveries during the outage");
        Assert.Equal(0, await CountAsync(dashboard));
        Assert.True(Directory.GetFiles(buffer, "*.ndjson").Length > 0);

        outage.Down = false;
        await Eventually.HoldsAsync(async () => await CountAsync(dashboard) >= 9, "nine events at the dashboard");
        await Task.Delay(500); // a quiet moment, not a wait for a condition: a re-delivered duplicate would land in it

        await using var db = await dashboard.Services.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContextAsync();
        var events = await db.Events.AsNoTracking().Where(e => e.Source == "collector:orders-api").OrderBy(e => e.Seq).ToListAsync();
        Assert.Equal(9, events.Count);
        var validated = events.Where(e => e.EventType == "token_validated").ToList();
        Assert.Equal(3, validated.Count);
        Assert.All(validated, e => Assert.Equal(("jti-1", "u-7", "mia@acme.example", "sid-42", "web-portal", "orders.read"),
            (e.TokenId, e.UserId, e.Username, e.SessionId, e.ClientId, e.Scope)));
        var failed = Assert.Single(events, e => e.EventType == "token_validation_failed");
        Assert.StartsWith("SecurityTokenExpiredException", failed.Reason);
        Assert.StartsWith("sha256:", failed.TokenId);
        var access = events.Where(e => e.EventType == "resource_access").ToList();
        Assert.Equal(5, access.Count);
        Assert.Equal([200, 200, 200, 401, 401], access.Select(e => e.HttpStatus ?? 0));
        Assert.Equal(["corr-0", "corr-1", "corr-2"], access.Take(3).Select(e => e.CorrelationId));
        Assert.All(access, e => Assert.Matches("^[0-9a-f]{32}$", e.TraceId!));
        // The token validation and the access it allowed share the request's trace.
        Assert.Equal(validated[0].TraceId, access[0].TraceId);
        Assert.DoesNotContain(events, e => (e.Attributes + e.TokenId + e.Reason).Contains(valid[..20]) || (e.Attributes + e.TokenId + e.Reason).Contains(expired[..20]));
        Assert.True((await ChainVerifier.VerifyAsync(db)).Intact);
        Assert.Empty(Directory.GetFiles(buffer, "segment-*.ndjson"));
    }

    private static async Task<long> CountAsync(AppFactory dashboard)
    {
        await using var db = await dashboard.Services.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContextAsync();
        return await db.Events.CountAsync(e => e.Source == "collector:orders-api");
    }
}
