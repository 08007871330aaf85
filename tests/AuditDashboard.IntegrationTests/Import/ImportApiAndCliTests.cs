using System.Net;
using System.Text.Json;
using AuditDashboard.IntegrationTests.Infrastructure;

namespace AuditDashboard.IntegrationTests.Import;

public sealed class ImportApiAndCliTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static string Sample(string file) => Path.Combine(RepoRoot.Path, "tests", "samples", file);

    [Fact]
    public async Task The_import_api_takes_a_vendor_file_with_an_api_key_all_or_nothing_and_idempotent()
    {
        await using var app = new AppFactory(_db.Path);
        using var anonymous = app.CreateClient();
        var okta = await File.ReadAllBytesAsync(Sample("okta_systemlog.json"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/import/okta", new ByteArrayContent(okta))).StatusCode);

        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await app.CreateApiKeyAsync("okta-forwarder"));
        var unknown = await client.PostAsync("/api/v1/import/splunk", new ByteArrayContent(okta));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("unknown format 'splunk'", JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());

        var bad = await client.PostAsync("/api/v1/import/okta", new ByteArrayContent(okta[..(okta.Length / 2)]));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("not valid JSON", await bad.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.CountEventsAsync());

        var first = await client.PostAsync("/api/v1/import/okta?source=okta:acme", new ByteArrayContent(okta));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((5, 5, 0), (body.GetProperty("records").GetInt32(), body.GetProperty("accepted").GetInt32(), body.GetProperty("duplicates").GetInt32()));
        Assert.Equal(5, body.GetProperty("head").GetProperty("seq").GetInt64());

        var again = JsonDocument.Parse(await (await client.PostAsync("/api/v1/import/okta?source=okta:acme", new ByteArrayContent(okta))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((0, 5), (again.GetProperty("accepted").GetInt32(), again.GetProperty("duplicates").GetInt32()));
        Assert.Equal(5, await app.CountEventsAsync());
    }

    [Fact]
    public async Task The_cli_imports_files_says_what_it_stored_and_refuses_a_malformed_one_with_exit_1()
    {
        await Stores.MigratedSqliteAsync(_db.Path);
        var ok = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "import", "--format", "auth0", Sample("auth0_logs.json"));
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        Assert.Contains("5 records, 5 events stored, 0 duplicates", ok.Stdout);

        var truncated = Path.Combine(_db.Folder, "truncated.json");
        var text = await File.ReadAllTextAsync(Sample("keycloak_user_events.json"));
        await File.WriteAllTextAsync(truncated, text[..(text.Length - 40)]);
        var bad = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "import", "--format", "keycloak", truncated);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("refused, nothing stored", bad.Stderr);
        Assert.Contains("not valid JSON", bad.Stderr);

        var invalidText = Path.Combine(_db.Folder, "invalid-utf8.json");
        await File.WriteAllBytesAsync(invalidText, [.. "[{\"type\":\"s\",\"log_id\":\"x\",\"user_name\":\"a"u8.ToArray(), 0xC3, .. "\"}]"u8.ToArray()]);
        var unicode = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "import", "--format", "auth0", invalidText);
        Assert.Equal(1, unicode.ExitCode);
        Assert.Contains("record 0: user_name is not valid Unicode text", unicode.Stderr);

        var usage = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "import", "--format", "syslog", truncated);
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("--format 'syslog' is not one of", usage.Stderr);
    }
}
