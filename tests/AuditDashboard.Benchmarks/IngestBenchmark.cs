using System.Globalization;
using System.Text.Json;
using AuditDashboard.Core.Events;

namespace AuditDashboard.Benchmarks;

/// <summary>
/// Ingest throughput on the same generated events: (a) raw SQLite baseline, (b) the ingest service,
/// (c) the HTTP API end to end; with --prefill, (b) again as appends to a store already holding M events.
/// </summary>
public static class IngestBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        BenchmarkArgs options;
        try
        {
            options = BenchmarkArgs.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
        if (Directory.Exists(options.Folder)) Directory.Delete(options.Folder, recursive: true);
        Directory.CreateDirectory(options.Folder);
        string Db(string name) => Path.Combine(options.Folder, name + ".db");

        Console.WriteLine($"Generating {options.Events:N0} events (batches of {options.Batch:N0}) ...");
        var events = EventSource.Generate(options.Events, seed: 1);
        var batches = EventSource.NdjsonBatches(events, options.Batch);
        Console.WriteLine($"  {batches.Sum(b => (long)b.Length) / 1_048_576.0:N0} MiB of NDJSON");

        var figures = new Dictionary<string, object> { ["events"] = options.Events, ["batch"] = options.Batch };

        // Warm-up on throwaway stores, so no path is timed while the JIT is still compiling it.
        var warm = batches.Take(5).ToList();
        int warmEvents = warm.Count * options.Batch;
        await RawSqliteBaseline.RunAsync(Db("warm-baseline"), Clone(events.Take(warmEvents).ToList()), options.Batch);
        await Stores.IngestAsync(Stores.Service(await Stores.MigrateAsync(Db("warm-service"))), warm, warmEvents, "bench:warm");
        await HttpIngest.RunAsync(Db("warm-http"), warm, warmEvents);

        double baseline = await RawSqliteBaseline.RunAsync(Db("baseline"), Clone(events), options.Batch);
        Report("(a) raw SQLite baseline", baseline, baseline);
        double treeOff = await Stores.IngestAsync(Stores.Service(await Stores.MigrateAsync(Db("tree-off")), withoutMerkleLog: true), batches, options.Events, "bench:tree-off");
        Report("(b0) service, no Merkle log", treeOff, baseline);
        var serviceStore = await Stores.MigrateAsync(Db("service"));
        double service;
        // The tree grows with every batch and a checkpoint is signed and published every 5 seconds meanwhile
        // (60 times the default rate), so the figure includes what the signed log costs at a very high rate.
        await using (var checkpoints = Checkpoints.Every(serviceStore, TimeSpan.FromSeconds(5), Path.Combine(options.Folder, "published")))
            service = await Stores.IngestAsync(Stores.Service(serviceStore), batches, options.Events, "bench:service");
        Report("(b) ingest service", service, baseline);
        double http = await HttpIngest.RunAsync(Db("http"), batches, options.Events);
        Report("(c) HTTP API, NDJSON", http, baseline);
        figures["baseline_eps"] = Math.Round(baseline);
        figures["service_eps"] = Math.Round(service);
        figures["http_eps"] = Math.Round(http);
        figures["service_ratio"] = Math.Round(service / baseline, 3);
        figures["tree_off_eps"] = Math.Round(treeOff);
        figures["tree_ratio"] = Math.Round(service / treeOff, 3);
        figures["http_ratio"] = Math.Round(http / baseline, 3);

        if (options.Prefill > 0)
        {
            // The same sample of appends, once into an empty store and once into a store of M events.
            int sample = Math.Min(options.Events, 100_000);
            var sampleBatches = batches.Take(sample / options.Batch).ToList();
            sample = sampleBatches.Count * options.Batch;
            double empty = await Stores.IngestAsync(Stores.Service(await Stores.MigrateAsync(Db("growth-empty"))), sampleBatches, sample, "bench:empty");

            Console.WriteLine($"Prefilling a store with {options.Prefill:N0} other events ...");
            var fill = EventSource.NdjsonBatches(EventSource.Generate(options.Prefill, seed: 2), options.Batch);
            var prefilled = Stores.Service(await Stores.MigrateAsync(Db("growth-prefilled")));
            await Stores.IngestAsync(prefilled, fill, options.Prefill, "bench:prefill");
            fill.Clear();
            double atM = await Stores.IngestAsync(prefilled, sampleBatches, sample, "bench:append");
            Console.WriteLine($"  appends of {sample:N0} events: {empty,12:N0} events/s into an empty store, {atM,12:N0} events/s at {options.Prefill:N0}");
            Console.WriteLine($"  growth_ratio {atM / empty:F3}");
            figures["prefill"] = options.Prefill;
            figures["growth_sample"] = sample;
            figures["empty_append_eps"] = Math.Round(empty);
            figures["prefilled_append_eps"] = Math.Round(atM);
            figures["growth_ratio"] = Math.Round(atM / empty, 3);
        }

        Console.WriteLine($"service_ratio {service / baseline:F3} (target >= 0.5), http_ratio {http / baseline:F3} (target >= 0.3), " +
            $"tree_ratio {service / treeOff:F3} (tree and checkpoints on / off, target >= 0.95)");
        if (options.Json is not null)
        {
            await File.WriteAllTextAsync(options.Json, JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"Wrote {options.Json}");
        }
        Directory.Delete(options.Folder, recursive: true);
        return 0;
    }

    private static void Report(string name, double eps, double baseline) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-26} {eps,12:N0} events/s   ratio {eps / baseline:F3}"));

    /// <summary>The baseline sets chain fields on its copies; the service and API get the untouched originals.</summary>
    private static List<AccessEvent> Clone(List<AccessEvent> events) =>
        events.Select(e => (AccessEvent)typeof(AccessEvent).GetMethod("MemberwiseClone", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.Invoke(e, null)!).ToList();
}
