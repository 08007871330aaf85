using System.Text;
using AuditDashboard.Core.Import;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Tests.Import;

/// <summary>Malformed files are refused whole, with the record and the problem named; nothing is stored.</summary>
public sealed class BadImportTests
{
    private static async Task<(ImportResult Result, int Stored)> ImportTextAsync(string format, string text)
    {
        await using var store = await TempStore.CreateAsync();
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var result = await ImportFixture.Service(store).ImportAsync(stream, format, null, "test");
        await using var db = store.Factory.CreateDbContext();
        return (result, await db.Events.CountAsync());
    }

    private static string Sample(string file) => File.ReadAllText(Samples.Path(file));

    [Fact]
    public async Task A_truncated_file_is_refused_and_nothing_of_it_is_stored()
    {
        var okta = Sample("okta_systemlog.json");
        var (result, stored) = await ImportTextAsync("okta", okta[..(okta.Length * 3 / 4)]);
        Assert.False(result.Succeeded);
        Assert.Contains("not valid JSON", Assert.Single(result.Errors));
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task Wrong_types_and_missing_required_fields_name_the_record_and_the_field()
    {
        var okta = Sample("okta_systemlog.json")
            .Replace("\"published\": \"2023-03-26T21:05:32.159Z\"", "\"published\": 12.5e400")
            .Replace("\"uuid\": \"3aeede38-4f67-11ea-abd3-1f5d113f2546\",", "");
        var (result, stored) = await ImportTextAsync("okta", okta);
        Assert.True(stored == 0, string.Join(" | ", result.Errors) + $" accepted {result.Accepted}");
        Assert.True(result.Errors.Any(e => e.StartsWith("record 0: 'published'")), string.Join(" | ", result.Errors));
        Assert.Contains(result.Errors, e => e.StartsWith("record 2: 'uuid' is missing"));

        var (auth0, auth0Stored) = await ImportTextAsync("auth0", Sample("auth0_logs.json").Replace("\"type\": \"seacft\"", "\"type\": 7"));
        Assert.Equal(0, auth0Stored);
        Assert.Contains("record 4: 'type' is missing or not a string", auth0.Errors);
    }

    [Fact]
    public async Task An_invalid_escape_names_the_line()
    {
        var lines = File.ReadAllLines(Samples.Path("azure_signinlogs_diagnostic.ndjson"));
        lines[1] = lines[1].Replace("Keep me signed in", "Keep me \\q signed in");
        var (result, stored) = await ImportTextAsync("entra", string.Join('\n', lines));
        Assert.Equal(0, stored);
        Assert.StartsWith("line 2: not valid JSON", Assert.Single(result.Errors));
    }

    [Fact]
    public async Task A_record_the_ingest_rules_refuse_is_named_with_its_field()
    {
        // A raw JWT where only a token id belongs: the guard refuses it, naming the record.
        var keycloak = Sample("keycloak_user_events.json").Replace("<TOKEN_ID>", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ");
        var (result, stored) = await ImportTextAsync("keycloak", keycloak);
        Assert.Equal(0, stored);
        Assert.Contains(result.Errors, e => e.StartsWith("record 0: token_id:"));
    }

    [Fact]
    public async Task A_cef_line_with_a_broken_header_or_extension_is_named()
    {
        var (header, _) = await ImportTextAsync("cef", "CEF:0|Elastic|Vaporware|1.0|18|Web request\n");
        Assert.Equal("line 1: the CEF header has 6 of its 8 '|'-separated fields", Assert.Single(header.Errors));
        var (extension, stored) = await ImportTextAsync("cef", Sample("cef_samples.txt") + "CEF:0|A|B|1|2|Authentication|low|suser=a=b\n");
        Assert.Equal("line 5: an unescaped '=' in the value of 'suser'", Assert.Single(extension.Errors));
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_stores_nothing_new()
    {
        await using var store = await TempStore.CreateAsync();
        var service = ImportFixture.Service(store);
        foreach (var (format, file) in new[] { ("okta", "okta_systemlog.json"), ("cef", "cef_samples.txt"), ("keycloak", "keycloak_user_events.json") })
        {
            await using (var first = File.OpenRead(Samples.Path(file))) Assert.True((await service.ImportAsync(first, format, null, "test")).Accepted > 0);
            await using var again = File.OpenRead(Samples.Path(file));
            var second = await service.ImportAsync(again, format, null, "test");
            Assert.Equal(0, second.Accepted);
            Assert.Equal(second.Records == 3 ? 4 : second.Records, second.Duplicates);
        }
    }

    [Fact]
    public void Cef_escaping_follows_the_standard()
    {
        Assert.True(CefMapper.TryParse(@"CEF:0|Ven\|dor|Pro\\duct|1.0|100|Name with \| pipe|5|msg=a\=b c\\d\nnext cs1Label=x y cs1=1", out var cef, out var problem), problem);
        Assert.Equal(("Ven|dor", @"Pro\duct", "Name with | pipe"), (cef.Vendor, cef.Product, cef.Name));
        Assert.Equal("a=b c\\d\nnext", cef.Extension["msg"]);
        Assert.Equal("x y", cef.Extension["cs1Label"]);
        Assert.Equal("1", cef.Extension["cs1"]);
    }
}
