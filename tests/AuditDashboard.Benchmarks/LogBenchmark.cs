using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Integrity.Notes;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Benchmarks;

/// <summary>
/// The signed log over the query benchmark's store of N events (reused): (1) an event's proof (canonical bytes and
/// tlog-proof) against reading that event alone, p50/p95 over 1,000 random seqs (target at 1M: p95 ≤ 10 ms);
/// (2) `verify --log` (chain, tree, checkpoint, published tiles) against a plain scan of the same table in seq
/// order, every row materialised as the verifier reads them (target ≥ 0.7).
/// </summary>
public static class LogBenchmark
{
    private const int Proofs = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        if (StoreArgs.Parse(args, "auditdash-bench-queries") is not { } options) return 2;
        var (factory, _, _) = await BenchmarkStore.OpenAsync(options);
        var published = Path.Combine(options.Folder, "published-log");
        if (Directory.Exists(published)) Directory.Delete(published, recursive: true);
        var maker = new CheckpointMaker(NoteSigner.Generate(new IntegrityOptions().LogOrigin), TimeProvider.System, new LogPublisher(published));
        LogCheckpoint checkpoint;
        var watch = Stopwatch.StartNew();
        await using (var db = factory.CreateDbContext()) checkpoint = (await maker.MakeAsync(db))!;
        Console.WriteLine($"Checkpoint of {checkpoint.Size:N0} events signed and published in {watch.Elapsed.TotalMilliseconds:F0} ms.");

        var random = new Random(7);
        var seqs = Enumerable.Range(0, Proofs).Select(_ => random.NextInt64(1, checkpoint.Size + 1)).ToList();
        var proofTimes = new List<double>();
        var readTimes = new List<double>();
        await using (var db = factory.CreateDbContext())
        {
            foreach (var seq in seqs.Take(20)) await EventProofs.CreateAsync(db, checkpoint, [seq]); // warm-up
            foreach (var seq in seqs)
            {
                watch.Restart();
                await db.Events.AsNoTracking().FirstAsync(e => e.Seq == seq);
                readTimes.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                await EventProofs.CreateAsync(db, checkpoint, [seq]);
                proofTimes.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        var (p50, p95, r50, r95) = (Percentile(proofTimes, 0.5), Percentile(proofTimes, 0.95), Percentile(readTimes, 0.5), Percentile(readTimes, 0.95));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(1) event proof   p50 {p50,7:F2} ms  p95 {p95,7:F2} ms (target p95 <= 10)   reading the event alone: p50 {r50:F2} ms, p95 {r95:F2} ms"));

        var note = SignedNote.Parse(checkpoint.Note);
        var signed = Checkpoint.Parse(note.Text);
        double scan = await TimeAsync(async () =>
        {
            await using var db = factory.CreateDbContext();
            long rows = 0;
            await foreach (var _ in db.Events.AsNoTracking().OrderBy(e => e.Seq).AsAsyncEnumerable()) rows++;
        });
        double verify = 0;
        VerificationResult? result = null;
        verify = await TimeAsync(async () =>
        {
            await using var db = factory.CreateDbContext();
            result = await ChainVerifier.VerifyAsync(db, [signed]);
            if (await PublishedLogCheck.CompareAsync(db, published) is { } differs) throw new InvalidOperationException(differs.Message);
        });
        if (result is not { Intact: true }) throw new InvalidOperationException($"the benchmark store does not verify: {result?.Message}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(2) verify --log   {verify,7:F2} s  against a plain scan of the table {scan:F2} s   ratio {scan / verify:F3} (target >= 0.7)"));

        if (options.Json is not null)
        {
            await File.WriteAllTextAsync(options.Json, JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["events"] = checkpoint.Size, ["proof_p50_ms"] = Math.Round(p50, 3), ["proof_p95_ms"] = Math.Round(p95, 3),
                ["read_p50_ms"] = Math.Round(r50, 3), ["read_p95_ms"] = Math.Round(r95, 3),
                ["verify_seconds"] = Math.Round(verify, 2), ["scan_seconds"] = Math.Round(scan, 2), ["verify_ratio"] = Math.Round(scan / verify, 3),
            }, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"Wrote {options.Json}");
        }
        return 0;
    }

    private static async Task<double> TimeAsync(Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        return watch.Elapsed.TotalSeconds;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
