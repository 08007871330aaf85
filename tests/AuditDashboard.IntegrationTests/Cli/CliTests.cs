using System.Net;
using System.Text;
using AuditDashboard.IntegrationTests.Infrastructure;

namespace AuditDashboard.IntegrationTests.Cli;

/// <summary>The built <c>auditdash</c> run as a separate process against real SQLite files.</summary>
public sealed class CliTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Simulate_then_verify_exits_0_and_the_same_seed_gives_only_duplicates()
    {
        var args = new[] { "--db", _db.Path, "simulate", "--days", "2", "--users", "8", "--seed", "11", "--end", "2026-10-01" };
        var first = await Processes.AuditdashAsync(_db.Folder, args);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Matches(@"Simulated 2026-09-29 00:00 to 2026-10-01 00:00 UTC \(seed 11, 8 users\): (\d+) events, \1 stored, 0 duplicates", first.Stdout);

        var verify = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "verify");
        Assert.Equal(0, verify.ExitCode);
        Assert.StartsWith("INTACT", verify.Stdout);

        var again = await Processes.AuditdashAsync(_db.Folder, args);
        Assert.Matches(@": (\d+) events, 0 stored, \1 duplicates", again.Stdout);
    }

    [Fact]
    public async Task Apikey_create_prints_the_key_alone_on_its_last_line_and_the_key_works_until_revoked()
    {
        var created = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "apikey", "create", "okta-forwarder", "--source", "keycloak:*");
        Assert.Equal(0, created.ExitCode);
        var key = created.Lines[^1];
        Assert.Matches("^adk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$", key);

        var list = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "apikey", "list");
        Assert.Contains("okta-forwarder", list.Stdout);
        Assert.DoesNotContain(key, list.Stdout);
        var stored = await Processes.RunAsync("sqlite3", [_db.Path, "SELECT hex(key_hash) FROM api_keys"], _db.Folder);
        Assert.DoesNotContain(key, stored.Stdout);

        Assert.Equal(HttpStatusCode.OK, await PostWithKeyAsync(key, "cli-1"));

        var revoked = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "apikey", "revoke", "okta-forwarder");
        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await PostWithKeyAsync(key, "cli-2"));
        var unknown = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "apikey", "revoke", "no-such-key");
        Assert.Equal(1, unknown.ExitCode);
    }

    /// <summary>Starts the web app on the same database and posts one event with the key.</summary>
    private async Task<HttpStatusCode> PostWithKeyAsync(string key, string eventId)
    {
        await using var app = new AppFactory(_db.Path);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var response = await client.PostAsync("/api/v1/events", new StringContent(SampleEvents.Valid(eventId).ToJsonString(), Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }

    [Fact]
    public async Task Verify_exits_2_on_usage_errors_and_a_missing_database()
    {
        var missing = await Processes.AuditdashAsync(_db.Folder, "--db", Path.Combine(_db.Folder, "absent.db"), "verify");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no database at", missing.Stderr);
        Assert.False(File.Exists(Path.Combine(_db.Folder, "absent.db")), "verify must not create a database");

        var badOption = await Processes.AuditdashAsync(_db.Folder, "verify", "--no-such-option");
        Assert.Equal(2, badOption.ExitCode);

        var conflicting = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "--provider", "SqlServer", "--connection", "Server=x", "verify");
        Assert.Equal(2, conflicting.ExitCode);

        var unreachable = await Processes.AuditdashAsync(_db.Folder, "--provider", "SqlServer", "--connection",
            "Server=127.0.0.1,1;Database=x;User Id=sa;Password=x;Connect Timeout=2", "verify");
        Assert.Equal(2, unreachable.ExitCode);
        Assert.Contains("could not be used", unreachable.Stderr);
    }

    [Fact]
    public async Task Migrate_creates_a_database_that_verify_accepts_as_empty()
    {
        var migrate = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "migrate");
        Assert.Equal(0, migrate.ExitCode);
        Assert.Matches(@"Applied \d+ migration\(s\): \d+_InitialStore, \d+_AppendOnly", migrate.Stdout);
        Assert.Contains("The schema is current", (await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "migrate")).Stdout);
        var verify = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "verify");
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("the store is empty", verify.Stdout);
    }
}
