using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Benchmarks;

/// <summary>
/// Detection throughput over N simulated events (a backfill: every detector, alerts stored), against a baseline
/// that only reads the same events in the same order, in the same run; peak memory reported.
/// </summary>
public static class DetectBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (StoreArgs.Parse(args, "auditdash-bench-queries") is not { } options) return 2;
        var json = options.Json;
        var (factory, _, _) = await BenchmarkStore.OpenAsync(options);

        var watch = Stopwatch.StartNew();
        long read = await ReadAllAsync(factory);
        double baseline = read / watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(a) read in timestamp order   {baseline,12:N0} events/s"));

        // On a reused store the alerts exist already: the run then re-finds them (updates) rather than opening them.
        var runner = new DetectionRunner(factory, new DetectionOptions(), TimeProvider.System);
        watch.Restart();
        int opened = await runner.BackfillAsync(null, null);
        double detect = read / watch.Elapsed.TotalSeconds;
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(b) detect (all detectors)    {detect,12:N0} events/s   ratio {detect / baseline:F3} (target >= 0.5)"));
        Console.WriteLine($"{opened} alerts opened in this run; peak working set {peak / 1_048_576.0:N0} MiB");
        if (json is not null)
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["events"] = read, ["baseline_eps"] = Math.Round(baseline), ["detect_eps"] = Math.Round(detect),
                ["ratio"] = Math.Round(detect / baseline, 3), ["alerts_opened"] = opened, ["peak_working_set_mib"] = Math.Round(peak / 1_048_576.0),
            }, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"Wrote {json}");
        }
        return 0;
    }

    /// <summary>The baseline: the backfill's own read loop (same query, same chunks), with nothing done to the rows.</summary>
    private static async Task<long> ReadAllAsync(SimpleDbContextFactory factory)
    {
        long count = 0;
        DateTime? afterTime = null;
        long afterSeq = 0;
        while (true)
        {
            await using var db = factory.CreateDbContext();
            var query = db.Events.AsNoTracking();
            if (afterTime is { } at)
            {
                var s = afterSeq;
                query = query.Where(e => e.Timestamp > at || (e.Timestamp == at && e.Seq > s));
            }
            var rows = await query.OrderBy(e => e.Timestamp).ThenBy(e => e.Seq).Take(2000).ToListAsync();
            if (rows.Count == 0) return count;
            count += rows.Count;
            (afterTime, afterSeq) = (rows[^1].Timestamp, rows[^1].Seq);
        }
    }
}
