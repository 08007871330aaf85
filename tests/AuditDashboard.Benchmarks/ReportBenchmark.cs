using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AuditDashboard.Core.Compliance;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Benchmarks;

/// <summary>
/// Time and peak memory to generate a SOC 2 + ISO 27001 report over the whole store of N simulated events (the
/// query benchmark's, reused), against a baseline that only runs the report's database queries (ReportQueries and
/// the chain verification's read) in the same run. Target at N = 1,000,000: report ≤ 2× its queries.
/// </summary>
public static class ReportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (StoreArgs.Parse(args, "auditdash-bench-queries") is not { } options) return 2;
        var (events, json, folder) = (options.Events, options.Json, options.Folder);
        var (factory, _, _) = await BenchmarkStore.OpenAsync(options);

        DateTime first, last;
        await using (var db = factory.CreateDbContext())
        {
            first = await db.Events.MinAsync(e => e.Timestamp);
            last = await db.Events.MaxAsync(e => e.Timestamp);
        }
        var catalog = ControlCatalog.Load();
        ReportRequest Request() => new()
        {
            Frameworks = [CatalogFramework.Soc2, CatalogFramework.Iso27001], From = first.Date, To = last.Date.AddDays(1),
            Organisation = "Benchmark Ltd", GeneratedBy = "benchmark", Seed = 1, ReportId = ReportRequest.NewId(DateTime.UtcNow),
        };
        int samples = catalog.Controls.Count(c => c.Populations.Count > 0) * EvidenceSampler.DefaultSize;

        await QueriesAsync(factory, Request(), samples); // warm the page cache for both
        var watch = Stopwatch.StartNew();
        long rows = await QueriesAsync(factory, Request(), samples);
        double baseline = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(a) the report's queries only      {baseline,8:F2} s ({rows:N0} rows read)"));

        using var logKey = AuditDashboard.Core.Integrity.Notes.NoteSigner.Generate(new AuditDashboard.Core.Integrity.IntegrityOptions().LogOrigin);
        var maker = new AuditDashboard.Core.Integrity.Log.CheckpointMaker(logKey, TimeProvider.System);
        var generator = new ReportGenerator(factory, catalog, new ReportSigner(new ReportOptions(), folder), TimeProvider.System, maker);
        watch.Restart();
        var report = await generator.GenerateAsync(Request());
        double full = watch.Elapsed.TotalSeconds;
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(b) report generated and signed    {full,8:F2} s   ratio {full / baseline:F2} (target <= 2)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.PageCount} pages, {report.Pdf.Length / 1024.0:N0} KiB PDF, {report.EvidenceZip.Length / 1024.0:N0} KiB evidence; peak working set {peak / 1_048_576.0:N0} MiB"));
        watch.Restart();
        var bundle = BundleVerifier.Verify(new MemoryStream(report.EvidenceZip), AuditDashboard.Core.Integrity.Notes.NoteVerifier.Parse(maker.VerifierKey));
        double verifyBundle = watch.Elapsed.TotalSeconds;
        if (!bundle.Verified) throw new InvalidOperationException("the report's bundle does not verify: " + string.Join("; ", bundle.Problems));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(c) verify-bundle: {bundle.EventsProven:N0} sampled events' proofs in {verifyBundle * 1000:F0} ms (no database)"));
        if (json is not null)
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["events"] = events, ["queries_seconds"] = Math.Round(baseline, 3), ["report_seconds"] = Math.Round(full, 3),
                ["ratio"] = Math.Round(full / baseline, 3), ["pages"] = report.PageCount, ["pdf_bytes"] = report.Pdf.Length,
                ["peak_working_set_mib"] = Math.Round(peak / 1_048_576.0),
                ["bundle_proofs"] = bundle.EventsProven, ["verify_bundle_ms"] = Math.Round(verifyBundle * 1000),
            }, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"Wrote {json}");
        }
        return 0;
    }

    /// <summary>The baseline: every read the report makes, with nothing done to the rows.</summary>
    private static async Task<long> QueriesAsync(SimpleDbContextFactory factory, ReportRequest request, int samples)
    {
        await using var db = factory.CreateDbContext();
        long rows = 0;
        await foreach (var _ in ReportQueries.FactsAsync(db, request)) rows++;
        var alerts = await ReportQueries.AlertsAsync(db, request.From, request.To, default);
        rows += alerts.Count + (await ReportQueries.HistoryAsync(db, alerts.Select(a => a.Id).ToList(), default)).Count;
        // The verification's read: every event, whole, in seq order.
        await foreach (var _ in db.Events.AsNoTracking().OrderBy(e => e.Seq).AsAsyncEnumerable()) rows++;
        long step = Math.Max(1, rows / samples);
        rows += (await ReportQueries.EventsAsync(db, Enumerable.Range(1, samples).Select(i => i * step).ToList(), default)).Count;
        return rows;
    }
}
