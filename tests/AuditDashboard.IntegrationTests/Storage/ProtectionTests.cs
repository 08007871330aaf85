using System.Net.Http.Json;
using System.Text.Json;
using AuditDashboard.IntegrationTests.Infrastructure;

namespace AuditDashboard.IntegrationTests.Storage;

/// <summary>What protects the store, as /healthz reports it, and a start that requires encryption at rest.</summary>
public sealed class ProtectionTests
{
    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Healthz_names_the_engine_and_what_protects_the_connection_and_the_files(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var app = AppFactory.For(store);
        var health = await app.CreateClient().GetFromJsonAsync<JsonElement>("/healthz");
        var database = health.GetProperty("database");
        Assert.Equal(provider, database.GetProperty("engine").GetString());
        var inTransit = database.GetProperty("in_transit").GetString();
        Assert.Equal(store.IsSqlite ? "a local file, no network" : "TLS, the server's certificate and host name verified (SSL Mode=VerifyFull)", inTransit);
        // Neither SQLite nor PostgreSQL can say whether its files are encrypted: the volume is what protects them.
        Assert.Equal(JsonValueKind.Null, database.GetProperty("encrypted_at_rest").ValueKind);
        Assert.Contains("encrypted volume", database.GetProperty("at_rest").GetString());
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Requiring_encryption_at_rest_refuses_to_start_on_an_engine_that_cannot_report_it(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var app = AppFactory.For(store, new Dictionary<string, string?> { ["Database:RequireEncryptionAtRest"] = "true" });
        var start = Assert.ThrowsAny<Exception>(() => app.CreateClient()).ToString();
        Assert.Contains("Database:RequireEncryptionAtRest is true, but the database is not reported encrypted at rest", start);
    }
}
