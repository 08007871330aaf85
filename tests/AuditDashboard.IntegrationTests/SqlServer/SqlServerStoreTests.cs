using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Storage;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuditDashboard.IntegrationTests.SqlServer;

/// <summary>The same API and integrity behaviour on SQL Server, each test in a database of its own.</summary>
public sealed class SqlServerStoreTests : IAsyncLifetime
{
    private readonly string _connection;

    public SqlServerStoreTests()
    {
        var given = Environment.GetEnvironmentVariable(SqlServerFactAttribute.Variable);
        _connection = string.IsNullOrWhiteSpace(given)
            ? ""
            : new SqlConnectionStringBuilder(given) { InitialCatalog = "auditdash_test_" + Guid.NewGuid().ToString("N")[..12] }.ConnectionString;
    }

    private AppFactory App() => new("unused.db", new Dictionary<string, string?>
    {
        ["Database:Provider"] = "SqlServer",
        ["Database:ConnectionString"] = _connection,
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_connection.Length == 0) return;
        await using var db = new AuditDbContext(AuditStore.CreateOptions(new DatabaseOptions { Provider = "SqlServer", ConnectionString = _connection }, "."));
        await db.Database.EnsureDeletedAsync();
    }

    [SqlServerFact]
    public async Task Ingest_is_atomic_idempotent_and_verifiable()
    {
        await using var app = App();
        using var client = await app.CreateIngestClientAsync();
        var ok = await client.PostAsync("/api/v1/events", new StringContent(SampleEvents.Array([SampleEvents.Valid("s-1"), SampleEvents.Valid("s-2"), SampleEvents.Valid("s-1")]), Encoding.UTF8, "application/json"));
        var body = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("duplicates").GetInt32());

        var bad = SampleEvents.Valid("s-3");
        bad["outcome"] = "maybe";
        var refused = await client.PostAsync("/api/v1/events", new StringContent(SampleEvents.Array([SampleEvents.Valid("s-4"), bad]), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(2, await app.CountEventsAsync());

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContextAsync();
        var result = await ChainVerifier.VerifyAsync(db);
        Assert.True(result.Intact, result.Message);
        Assert.Equal(body.GetProperty("head").GetProperty("hash").GetString(), result.HeadHash);
    }

    [SqlServerFact]
    public async Task Update_delete_and_merge_on_stored_events_fail()
    {
        await using var app = App();
        using var client = await app.CreateIngestClientAsync();
        await client.PostAsync("/api/v1/events", new StringContent(SampleEvents.Valid("t-1").ToJsonString(), Encoding.UTF8, "application/json"));

        await using var connection = new SqlConnection(_connection);
        await connection.OpenAsync();
        foreach (var sql in new[]
                 {
                     "UPDATE access_events SET username = 'x'",
                     "DELETE FROM access_events",
                     "MERGE access_events AS t USING (SELECT 'keycloak:test' AS source, 't-1' AS event_id) AS s ON t.source = s.source AND t.event_id = s.event_id WHEN MATCHED THEN UPDATE SET outcome = 'failure';",
                     "UPDATE chain_heads SET origin = 'x'",
                 })
        {
            await using var command = new SqlCommand(sql, connection);
            var ex = await Assert.ThrowsAsync<SqlException>(() => command.ExecuteNonQueryAsync());
            // The ledger table's own refusal on SQL Server 2022 / Azure SQL ("append only Ledger table"), the trigger's before.
            Assert.Matches("(?i)append.only", ex.Message);
        }
        Assert.Equal(1, await app.CountEventsAsync());
        await using (var insert = new SqlCommand(
            "INSERT INTO access_events (seq, received_at, event_id, timestamp, event_type, outcome, source, prev_hash, hash) " +
            "SELECT seq + 5, received_at, 'gap', timestamp, event_type, outcome, source, hash, hash FROM access_events", connection))
            Assert.Contains("must extend it by exactly one", (await Assert.ThrowsAsync<SqlException>(() => insert.ExecuteNonQueryAsync())).Message);
        await using var ledger = new SqlCommand("SELECT ledger_type_desc FROM sys.tables WHERE name = 'access_events'", connection);
        Assert.Equal("APPEND_ONLY_LEDGER_TABLE", (string?)await ledger.ExecuteScalarAsync());
    }

    [SqlServerFact]
    public async Task The_cli_verifies_a_sql_server_store()
    {
        var simulate = await Processes.AuditdashAsync(Path.GetTempPath(), "--provider", "SqlServer", "--connection", _connection, "simulate", "--days", "1", "--users", "6");
        Assert.True(simulate.ExitCode == 0, simulate.Stderr);
        var verify = await Processes.AuditdashAsync(Path.GetTempPath(), "--provider", "SqlServer", "--connection", _connection, "verify");
        Assert.Equal(0, verify.ExitCode);
    }
}
