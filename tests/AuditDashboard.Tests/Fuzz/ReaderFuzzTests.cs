using System.Text;
using AuditDashboard.Core.Import;
using AuditDashboard.Core.Ingest;
using AuditDashboard.Tests.Import;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Tests.Fuzz;

/// <summary>
/// Mutated batches and vendor files through the ingest and import readers, a fixed seed and a bounded number of
/// cases: no exception escapes, and a batch or file is stored whole or not at all.
/// </summary>
public sealed class ReaderFuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Cases = 250;

    private static readonly string Batch = string.Join('\n',
        """{"event_id":"f-1","timestamp":"2026-11-01T10:00:00Z","event_type":"login_success","outcome":"success","source":"fuzz","user_id":"u1","username":"maya@acme.example","ip":"203.0.113.7","roles":["admin","reader"],"geo":{"country":"DE","city":"Berlin","lat":52.52,"lon":13.4,"asn":3320},"attributes":{"k":"v","n":[1,2,{"x":null}]}}""",
        """{"event_id":"f-2","timestamp":"2026-11-01T10:00:01.1234567Z","event_type":"token_issued","outcome":"success","source":"fuzz","token_id":"jti-1","token_type":"access_token","scope":"openid","ip":"2001:db8::1","http_status":200}""");

    [Fact]
    public async Task Mutated_ingest_batches_are_stored_whole_or_refused_and_never_throw()
    {
        await using var store = await TempStore.CreateAsync();
        var ingest = new IngestService(store.Factory, new IngestOptions(), TestClock.Default);
        int accepted = 0, refused = 0;
        foreach (var mutant in Mutations.Of(Encoding.UTF8.GetBytes(Batch), Cases, randomSeed: 20261201))
        {
            long before = await CountAsync(store);
            IngestResult result;
            try
            {
                result = await ingest.IngestJsonAsync(mutant, "fuzz");
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"{ex.GetType().Name} escaped for {Mutations.Show(mutant)}: {ex}");
            }
            long stored = await CountAsync(store) - before;
            if (result.Status == IngestStatus.Accepted)
            {
                accepted++;
                Assert.Equal(result.Accepted, stored);
            }
            else
            {
                refused++;
                Assert.Equal(0, stored);
                Assert.False(string.IsNullOrEmpty(result.Message), Mutations.Show(mutant));
            }
        }
        output.WriteLine($"{accepted} accepted, {refused} refused");
        Assert.True(accepted > 0 && refused > 0, $"{accepted} accepted, {refused} refused: the mutations should give both");
    }

    [Theory]
    [InlineData("okta", "okta_systemlog.json")]
    [InlineData("auth0", "auth0_logs.json")]
    [InlineData("keycloak", "keycloak_user_events.json")]
    [InlineData("entra", "azure_signinlogs_diagnostic.ndjson")]
    [InlineData("ocsf", "ocsf_authentication.json")]
    [InlineData("cef", "cef_samples.txt")]
    public async Task Mutated_vendor_files_are_imported_whole_or_refused_and_never_throw(string format, string sample)
    {
        await using var store = await TempStore.CreateAsync();
        var importer = ImportFixture.Service(store);
        var seed = await File.ReadAllBytesAsync(Samples.Path(sample));
        int imported = 0, cases = 0;
        foreach (var mutant in Mutations.Of(seed, Cases / 2, randomSeed: (ulong)format.GetHashCode(StringComparison.Ordinal) & 0xFFFF))
        {
            cases++;
            long before = await CountAsync(store);
            ImportResult result;
            try
            {
                await using var file = new MemoryStream(mutant);
                result = await importer.ImportAsync(file, format, null, "fuzz");
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"{ex.GetType().Name} escaped for {format} {Mutations.Show(mutant)}: {ex}");
            }
            long stored = await CountAsync(store) - before;
            if (result.Succeeded) imported++;
            Assert.Equal(result.Succeeded ? result.Accepted : 0, stored);
            if (!result.Succeeded) Assert.NotEmpty(result.Errors);
        }
        output.WriteLine($"{cases} mutants: {imported} imported, {cases - imported} refused");
    }

    private static async Task<long> CountAsync(TempStore store)
    {
        await using var db = store.Factory.CreateDbContext();
        return await db.Events.LongCountAsync();
    }
}
