using System.Net;
using System.Text;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Storage;
using AuditDashboard.IntegrationTests.Infrastructure;
using AuditDashboard.Web.Alerts;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.IntegrationTests.PostgreSql;

/// <summary>Three web app processes on one PostgreSQL database: one chain, work done once, a dead instance's work taken over.</summary>
public sealed class SeveralInstancesTests
{
    [PostgreSqlFact]
    public async Task Three_instances_ingest_into_one_gap_free_chain_count_every_event_once_and_take_over_a_killed_instances_work()
    {
        await using var store = await TestStore.CreateAsync(DatabaseOptions.PostgreSqlProvider);
        var key = (await Processes.AuditdashAsync(store, "apikey", "create", "load-balanced", "--source", "*")).Lines[^1];
        var instances = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => WebProcess.StartAsync(store)));
        try
        {
            // Whoever runs the detectors is the one to kill: its lease must pass to a survivor.
            var detector = await Eventually.HoldsAsync(() => LeaseHolderAsync(store, DetectionService.LeaseName), h => h is not null, "a detection lease holder");
            var victim = instances.Single(i => detector!.Contains($":{i.ProcessId}:"));

            async Task SendAsync(WebProcess instance, int batch)
            {
                using var client = instance.Client(key);
                var events = Enumerable.Range(0, 40).Select(i => SampleEvents.Valid($"lb-{instance.ProcessId}-{batch}-{i}"));
                var response = await client.PostAsync("/api/v1/events", new StringContent(SampleEvents.Ndjson(events), Encoding.UTF8, "application/x-ndjson"));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            await Task.WhenAll(instances.Select(async instance => { for (int b = 0; b < 5; b++) await SendAsync(instance, b); }));
            victim.Kill();
            var survivors = instances.Where(i => i != victim).ToList();
            await Task.WhenAll(survivors.Select(async instance => { for (int b = 5; b < 10; b++) await SendAsync(instance, b); }));
            const long expected = 3 * 5 * 40 + 2 * 5 * 40;

            await using var db = store.Factory.CreateDbContext();
            Assert.Equal(Enumerable.Range(1, (int)expected).Select(i => (long)i), await db.Events.OrderBy(e => e.Seq).Select(e => e.Seq).ToListAsync());
            var chain = await ChainVerifier.VerifyAsync(db);
            Assert.True(chain.Intact, chain.Message);

            // The survivors count every event once (the aggregator's cursor moves under the database's lock) ...
            await Eventually.HoldsAsync(async () => await ReadAsync(store, db => db.AggregateStates.Select(s => s.LastSeq).FirstOrDefaultAsync()) == expected,
                "the aggregates reaching the chain head");
            Assert.Equal(expected, await db.HourlyCounts.SumAsync(h => h.Count));
            // ... and one of them takes the detectors over once the killed holder's lease has run out.
            var taken = await Eventually.HoldsAsync(() => LeaseHolderAsync(store, DetectionService.LeaseName), h => h is not null && h != detector,
                "a survivor taking the detection lease", timeout: TimeSpan.FromSeconds(90));
            Assert.Contains(survivors, s => taken!.Contains($":{s.ProcessId}:"));
            await Eventually.HoldsAsync(async () => await ReadAsync(store, db => db.DetectionStates.Select(d => d.LastSeq).FirstOrDefaultAsync()) == expected,
                "the new detection holder reaching the chain head");
            Assert.Empty(await db.Alerts.GroupBy(a => a.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync());
            // One instance signs the scheduled checkpoints.
            Assert.NotNull(await LeaseHolderAsync(store, Web.Integrity.CheckpointService.LeaseName));

            // A dashboard sign-in on one survivor is accepted by the other: the key ring that protects the cookie is in the store.
            using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = survivors[0].Address };
            var signIn = await DashboardClient.PostLoginAsync(browser, "lb.auditor@example.test", "Auditor");
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            var elsewhere = await browser.GetAsync(new Uri(survivors[1].Address, "/events"));
            Assert.True(elsewhere.StatusCode == HttpStatusCode.OK, $"{(int)elsewhere.StatusCode} {elsewhere.Headers.Location}");
            Assert.Contains("lb.auditor@example.test", await elsewhere.Content.ReadAsStringAsync());
            Assert.True(await db.ProtectionKeys.CountAsync() >= 1);
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
        }
    }

    private static Task<string?> LeaseHolderAsync(TestStore store, string name) =>
        ReadAsync(store, db => db.Leases.Where(l => l.Name == name).Select(l => l.Holder).FirstOrDefaultAsync());

    private static async Task<T> ReadAsync<T>(TestStore store, Func<AuditDbContext, Task<T>> read)
    {
        await using var db = store.Factory.CreateDbContext();
        return await read(db);
    }
}
