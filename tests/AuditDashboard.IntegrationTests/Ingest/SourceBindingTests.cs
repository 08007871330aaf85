using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AuditDashboard.Core.ApiKeys;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AuditDashboard.IntegrationTests.Ingest;

/// <summary>A key writes only the sources it was created for; nobody writes the dashboard's own audit trail through a key.</summary>
public sealed class SourceBindingTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static async Task<HttpClient> ClientAsync(AppFactory app, string name, params string[] sources)
    {
        var (_, secret) = await app.Services.GetRequiredService<ApiKeyService>().CreateAsync(name, sources);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, params (string Id, string Source)[] events) =>
        client.PostAsync("/api/v1/events", new StringContent(string.Join('\n', events.Select(e => SampleEvents.Valid(e.Id, e.Source).ToJsonString())),
            Encoding.UTF8, "application/x-ndjson"));

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;

    [Fact]
    public async Task A_key_may_write_its_sources_and_prefixes_only_and_a_refused_batch_stores_nothing()
    {
        await using var app = new AppFactory(_db.Path);
        using var okta = await ClientAsync(app, "okta-forwarder", "okta:*", "okta");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(okta, ("a-1", "okta:acme"), ("a-2", "okta"))).StatusCode);

        var mixed = await PostAsync(okta, ("b-1", "okta:acme"), ("b-2", "auth0"));
        Assert.Equal(HttpStatusCode.Forbidden, mixed.StatusCode);
        Assert.Equal("application/problem+json", mixed.Content.Headers.ContentType?.MediaType);
        var problem = await DetailAsync(mixed);
        Assert.Contains("may not write the source 'auth0'", problem);
        Assert.Contains("okta-forwarder", problem);
        Assert.Equal(2, await app.CountEventsAsync());

        var import = await okta.PostAsync("/api/v1/import/auth0", new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(RepoRoot.Path, "tests", "samples", "auth0_logs.json"))));
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        Assert.Contains("'auth0'", await DetailAsync(import));
        Assert.Equal(2, await app.CountEventsAsync());

        // The key that delivered each event is in the exports (and the event drawer).
        using var auditor = await DashboardClient.SignedInAsync(app, "Auditor");
        var ndjson = (await auditor.GetStringAsync("/api/v1/export/events.ndjson?source=okta")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(ndjson, line => line.Contains("\"delivered_by\":\"api:okta-forwarder\""));
        var csv = (await auditor.GetStringAsync("/api/v1/export/events.csv?source=okta")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",delivered_by", csv[0]);
        Assert.EndsWith(",api:okta-forwarder", csv[1]);
    }

    [Fact]
    public async Task No_key_writes_the_dashboards_own_audit_trail_not_even_one_for_any_source_or_one_from_before()
    {
        await using var app = new AppFactory(_db.Path);
        using var any = await ClientAsync(app, "anything", "*");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(any, ("c-1", "whatever:source"))).StatusCode);
        var forged = await PostAsync(any, ("c-2", SourcePolicy.Reserved));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("never 'auditdashboard'", await DetailAsync(forged));

        // A key created before keys named their sources (sources NULL) may write any other source (ADR 0012).
        using var legacy = await ClientAsync(app, "legacy", "*");
        await Processes.Sqlite3Async(_db.Path, "UPDATE api_keys SET sources = NULL WHERE name = 'legacy'");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(legacy, ("d-1", "keycloak:old"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(legacy, ("d-2", SourcePolicy.Reserved))).StatusCode);
        Assert.Equal(2, await app.CountEventsAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("auditdashboard")]
    [InlineData("audit*")]
    [InlineData("ok*ta")]
    [InlineData("two words")]
    public async Task Bad_source_patterns_are_refused_when_the_key_is_made(string pattern)
    {
        await using var app = new AppFactory(_db.Path);
        await Assert.ThrowsAsync<ArgumentException>(() => app.Services.GetRequiredService<ApiKeyService>().CreateAsync("bad", [pattern]));
        await Assert.ThrowsAsync<ArgumentException>(() => app.Services.GetRequiredService<ApiKeyService>().CreateAsync("none", []));
    }
}
