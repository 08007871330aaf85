using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Import;

namespace AuditDashboard.Benchmarks;

/// <summary>
/// Import throughput from a generated file in a vendor's format (Okta System Log, a JSON array), against the import
/// of the same events as native NDJSON (the same streamed, checked-then-stored pipeline) in the same run, each into
/// a fresh store. The managed heap is sampled during each import, so memory can be compared across N.
/// </summary>
public static class ImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (StoreArgs.Parse(args, "auditdash-bench-import", acceptsFormat: true) is not { } options) return 2;
        var (events, json, folder, format) = (options.Events, options.Json, options.Folder, options.Format ?? "okta");
        if (format != "okta")
        {
            Console.Error.WriteLine("only --format okta is generated");
            return 2;
        }
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        string okta = Path.Combine(folder, "okta.json"), native = Path.Combine(folder, "native.ndjson");

        Console.WriteLine($"Writing {events:N0} events as an Okta System Log file and as native NDJSON ...");
        int written = Write(events, okta, native);
        Console.WriteLine($"  {written:N0} events; okta {new FileInfo(okta).Length / 1_048_576.0:N0} MiB, native {new FileInfo(native).Length / 1_048_576.0:N0} MiB");

        var (nativeSeconds, nativePeak) = await ImportAsync(Path.Combine(folder, "native.db"), native, "native");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(a) native NDJSON import   {written / nativeSeconds,10:N0} events/s   peak managed heap {nativePeak:N0} MiB"));
        var (oktaSeconds, oktaPeak) = await ImportAsync(Path.Combine(folder, "okta.db"), okta, "okta");
        double ratio = nativeSeconds / oktaSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(b) Okta import            {written / oktaSeconds,10:N0} events/s   ratio {ratio:F3} (target >= 0.7)   peak managed heap {oktaPeak:N0} MiB"));
        if (json is not null)
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["events"] = written, ["native_eps"] = Math.Round(written / nativeSeconds), ["okta_eps"] = Math.Round(written / oktaSeconds),
                ["ratio"] = Math.Round(ratio, 3), ["native_peak_heap_mib"] = nativePeak, ["okta_peak_heap_mib"] = oktaPeak, ["process_peak_working_set_mib"] = Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576,
            }, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"Wrote {json}");
        }
        return 0;
    }

    /// <summary>Streams the simulator's events (only those Okta has an event type for) into both files.</summary>
    private static int Write(int count, string okta, string native)
    {
        using var oktaStream = File.Create(okta);
        using var writer = new Utf8JsonWriter(oktaStream);
        using var nativeWriter = new StreamWriter(native);
        writer.WriteStartArray();
        int n = 0;
        // About two in five simulated events are of a type Okta logs; ask the simulator for enough.
        foreach (var e in EventSource.Stream(count * 3, seed: 3).Where(e => OktaFile.EventType(e) is not null).Take(count))
        {
            OktaFile.Write(writer, e);
            nativeWriter.Write(EventJson.ToJson(e, includeChain: false));
            nativeWriter.Write('\n');
            if (++n % 10_000 == 0) writer.Flush();
        }
        writer.WriteEndArray();
        return n;
    }

    /// <summary>Seconds, and the largest managed heap seen during the import (the working set only ever grows in one process, and holds SQLite's page cache).</summary>
    private static async Task<(double Seconds, long PeakMiB)> ImportAsync(string db, string file, string format)
    {
        var service = new ImportService(Stores.Service(await Stores.MigrateAsync(db)));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                try { await Task.Delay(100, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        var watch = Stopwatch.StartNew();
        await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            var result = await service.ImportAsync(stream, format, "bench", "bench:import");
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Take(5)));
        }
        double seconds = watch.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        return (seconds, peak / 1_048_576);
    }
}
