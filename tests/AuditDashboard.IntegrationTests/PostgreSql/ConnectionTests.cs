using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Storage;
using AuditDashboard.IntegrationTests.Infrastructure;
using Npgsql;

namespace AuditDashboard.IntegrationTests.PostgreSql;

/// <summary>TLS to the server, verified; the runtime role running the app; several writer processes on one chain.</summary>
public sealed class ConnectionTests
{
    private static string With(string connection, Action<NpgsqlConnectionStringBuilder> change)
    {
        var builder = new NpgsqlConnectionStringBuilder(connection);
        change(builder);
        return builder.ConnectionString;
    }

    [PostgreSqlFact]
    public async Task Outside_development_a_connection_without_verified_tls_is_refused_unless_allowed_deliberately()
    {
        await using var store = await TestStore.CreateAsync(DatabaseOptions.PostgreSqlProvider);
        var plain = With(store.Options.ConnectionString!, c => { c.SslMode = SslMode.Disable; c.RootCertificate = null; });

        var refused = await Processes.AuditdashAsync(store.Folder, "--provider", "PostgreSQL", "--connection", plain, "verify");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("SSL Mode=Disable", refused.Stderr);
        Assert.Contains("SSL Mode=VerifyFull", refused.Stderr);
        Assert.Contains("Database:AllowUnencrypted", refused.Stderr);

        var allowed = await Processes.AuditdashAsync(store.Folder, new Dictionary<string, string> { ["Database__AllowUnencrypted"] = "true" },
            "--provider", "PostgreSQL", "--connection", plain, "verify");
        Assert.True(allowed.ExitCode == 0, allowed.Stderr);
        var development = await Processes.AuditdashAsync(store.Folder, new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Development" },
            "--provider", "PostgreSQL", "--connection", plain, "verify");
        Assert.True(development.ExitCode == 0, development.Stderr);

        // The web app outside Development says the same at start, with its other configuration problems.
        await using var app = AppFactory.For(store, new Dictionary<string, string?> { ["Database:ConnectionString"] = plain }, "Production");
        var start = Assert.ThrowsAny<Exception>(() => app.CreateClient()).ToString();
        Assert.Contains("SSL Mode=Disable", start);
    }

    [PostgreSqlFact]
    public async Task A_server_certificate_from_another_ca_is_refused()
    {
        await using var store = await TestStore.CreateAsync(DatabaseOptions.PostgreSqlProvider);
        var wrong = With(store.Options.ConnectionString!, c => c.RootCertificate = PostgreSqlServer.WrongCa);
        var result = await Processes.AuditdashAsync(store.Folder, "--provider", "PostgreSQL", "--connection", wrong, "verify");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("the database could not be used", result.Stderr);
        Assert.Matches("(?i)certificate", result.Stderr);
        Assert.DoesNotContain("INTACT", result.Stdout);
    }

    [PostgreSqlFact]
    public async Task The_app_runs_as_the_runtime_role_on_a_schema_migrated_by_the_owner()
    {
        await using var store = await TestStore.CreateAsync(DatabaseOptions.PostgreSqlProvider);
        var grant = await Processes.AuditdashAsync(store.Folder, [.. store.CliArgs, "grant", "--role", "auditdash_app"]);
        Assert.True(grant.ExitCode == 0, grant.Stderr);
        var runtime = PostgreSqlServer.AsRuntimeRole(store.Options.ConnectionString!);

        await using (var app = AppFactory.For(store, new Dictionary<string, string?> { ["Database:ConnectionString"] = runtime, ["Database:MigrateOnStart"] = "false" }))
        {
            using var client = await app.CreateIngestClientAsync();
            var response = await client.PostAsync("/api/v1/events", new StringContent(SampleEvents.Array([SampleEvents.Valid("r-1"), SampleEvents.Valid("r-2")]), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var health = await app.CreateClient().GetFromJsonAsync<JsonElement>("/healthz");
            Assert.Equal(2, health.GetProperty("events").GetInt64());
        }
        // The CLI's work as the runtime role too: traffic, detection (alerts and their history) and verification.
        string[] asRuntime = ["--provider", "PostgreSQL", "--connection", runtime];
        var simulate = await Processes.AuditdashAsync(store.Folder, [.. asRuntime, "simulate", "--days", "2", "--users", "8"]);
        Assert.True(simulate.ExitCode == 0, simulate.Stderr);
        var detect = await Processes.AuditdashAsync(store.Folder, [.. asRuntime, "detect"]);
        Assert.True(detect.ExitCode == 0, detect.Stderr);
        var verify = await Processes.AuditdashAsync(store.Folder, [.. asRuntime, "verify"]);
        Assert.True(verify.ExitCode == 0, verify.Stderr + verify.Stdout);
        // And handing out privileges is not the runtime's to do.
        var regrant = await Processes.AuditdashAsync(store.Folder, [.. asRuntime, "grant", "--role", "auditdash_app"]);
        Assert.Equal(2, regrant.ExitCode);
        Assert.Contains("must run as the owner", regrant.Stderr);
    }

    [PostgreSqlFact]
    public async Task Three_writer_processes_on_one_server_give_one_gap_free_chain_that_verifies()
    {
        await using var store = await TestStore.CreateAsync(DatabaseOptions.PostgreSqlProvider);
        var runs = await Task.WhenAll(Enumerable.Range(1, 3).Select(seed =>
            Processes.AuditdashAsync(store.Folder, [.. store.CliArgs, "simulate", "--days", "2", "--users", "10", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture)])));
        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Stderr));

        await using var db = store.Factory.CreateDbContext();
        var seqs = db.Events.Select(e => e.Seq).OrderBy(s => s).ToList();
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
        var heads = db.ChainHeads.OrderBy(h => h.FirstSeq).Select(h => new { h.FirstSeq, h.LastSeq, h.Origin }).ToList();
        Assert.True(heads.Select(h => h.Origin).Distinct().Count() >= 1 && heads.Count >= 3);
        for (int i = 1; i < heads.Count; i++) Assert.Equal(heads[i - 1].LastSeq + 1, heads[i].FirstSeq);
        var result = await ChainVerifier.VerifyAsync(db);
        Assert.True(result.Intact, result.Message);
    }
}
