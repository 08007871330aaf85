using System.Net;
using System.Text;
using System.Text.Json;
using AuditDashboard.IntegrationTests.Infrastructure;

namespace AuditDashboard.IntegrationTests.Ingest;

/// <summary>Text that is not valid Unicode, anywhere in an event or a vendor file, is a 400 naming it, never a 500.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private const string Event = """{"event_id":"e-1","timestamp":"2026-11-01T10:00:00Z","event_type":"login_success","outcome":"success","source":"idp",MEMBER}""";

    // \u0001 marks where the bad text goes.
    public static TheoryData<string, string> Members => new()
    {
        { "\"username\":\"ab\u0001\"", "username" },
        { "\"ab\u0001\":1", "(a key)" },
        { "\"roles\":[\"ok\",\"ab\u0001\"]", "roles[1]" },
        { "\"geo\":{\"city\":\"ab\u0001\"}", "geo.city" },
        { "\"attributes\":{\"x\":[\"ab\u0001\"]}", "attributes.x[0]" },
    };

    private static byte[] WithBadText(string member, byte[] bad)
    {
        var json = Encoding.UTF8.GetBytes(Event.Replace("MEMBER", member));
        int at = Array.IndexOf(json, (byte)1);
        return [.. json[..at], .. bad, .. json[(at + 1)..]];
    }

    [Theory]
    [MemberData(nameof(Members))]
    public async Task Invalid_utf8_and_lone_surrogates_are_400_naming_item_and_field_and_nothing_is_stored(string member, string field)
    {
        foreach (var environment in new[] { "Development", "Production" })
        {
            await using var app = new AppFactory(_db.Path, new Dictionary<string, string?> { ["Authentication:Mode"] = "Oidc",
                ["Authentication:Oidc:Authority"] = "https://idp.invalid", ["Authentication:Oidc:ClientId"] = "x" }, environment);
            using var client = await app.CreateIngestClientAsync("bad-input-" + environment);
            foreach (var bad in new[] { new byte[] { 0xC3 }, [0xFF], [0xED, 0xA0, 0x80], "\\ud800"u8.ToArray(), "\\udfff\\ud800"u8.ToArray() })
            {
                var body = WithBadText(member, bad);
                var response = await client.PostAsync("/api/v1/events", new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } });
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
                Assert.Equal((0, field), (error.GetProperty("index").GetInt32(), error.GetProperty("field").GetString()));
                Assert.Contains("not valid Unicode", error.GetProperty("reason").GetString());

                var import = await client.PostAsync("/api/v1/import/native", new ByteArrayContent(body));
                Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
                Assert.Equal("application/problem+json", import.Content.Headers.ContentType?.MediaType);
                Assert.Contains("not valid Unicode", await import.Content.ReadAsStringAsync());
            }
            Assert.Equal(0, await app.CountEventsAsync());
        }
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Api_routes_answer_problem_json_for_missing_keys_and_sign_in_in_every_environment(string environment)
    {
        await using var app = new AppFactory(_db.Path, new Dictionary<string, string?> { ["Authentication:Mode"] = "Oidc",
            ["Authentication:Oidc:Authority"] = "https://idp.invalid", ["Authentication:Oidc:ClientId"] = "x" }, environment);
        using var client = DashboardClient.Anonymous(app);
        await AssertProblemsAsync(client,
            (HttpMethod.Get, "/api/v1/nothing-here", HttpStatusCode.Unauthorized),
            (HttpMethod.Post, "/api/v1/events", HttpStatusCode.Unauthorized),
            (HttpMethod.Get, "/api/v1/export/events.csv", HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Api_routes_answer_problem_json_for_unknown_routes()
    {
        await using var app = new AppFactory(_db.Path);
        using var client = await DashboardClient.SignedInAsync(app, "Auditor");
        await AssertProblemsAsync(client,
            (HttpMethod.Get, "/api/v1/nothing-here", HttpStatusCode.NotFound));
    }

    private static async Task AssertProblemsAsync(HttpClient client, params (HttpMethod Method, string Path, HttpStatusCode Status)[] requests)
    {
        foreach (var (method, path, status) in requests)
        {
            var response = await client.SendAsync(new HttpRequestMessage(method, path));
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        }
    }
}
