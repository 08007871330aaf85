using System.Diagnostics;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AuditDashboard.Benchmarks;

/// <summary>
/// The store of N simulated events that the query, detect, report and log benchmarks share, built on first use.
/// Building it also measures growth: the same sample of appends into an empty store and into the full one.
/// The events are streamed a batch at a time, so a 10M-event store never has its events in memory at once.
/// </summary>
public static class BenchmarkStore
{
    private const int GrowthSample = 100_000;
    private const int Batch = 1000;

    /// <param name="remeasure">On a store built before: measure growth again, back to back, with a sample it does not hold yet.</param>
    public static async Task<(SimpleDbContextFactory Factory, string Path, Growth? Growth)> OpenAsync(StoreArgs options, bool remeasure = false)
    {
        Directory.CreateDirectory(options.Folder);
        SimpleDbContextFactory factory;
        string path;
        Func<Task<SimpleDbContextFactory>> emptyStore;
        if (options.Connection is { } pg)
        {
            path = Database(pg, $"bench_queries_{options.Events}");
            factory = await MigrateAsync(path, options.Folder);
            emptyStore = async () =>
            {
                await DropDatabaseAsync(pg, "bench_growth_empty");
                return await MigrateAsync(Database(pg, "bench_growth_empty"), options.Folder);
            };
        }
        else
        {
            path = Path.Combine(options.Folder, $"queries-{options.Events}.db");
            factory = await Stores.MigrateAsync(path);
            emptyStore = async () =>
            {
                foreach (var file in Directory.GetFiles(options.Folder, "growth-empty.db*")) File.Delete(file);
                return await Stores.MigrateAsync(Path.Combine(options.Folder, "growth-empty.db"));
            };
        }
        var growth = await BuildAsync(factory, options.Events, emptyStore);
        if (growth is null && remeasure)
        {
            await using var db = factory.CreateDbContext();
            long have = await db.Events.MaxAsync(e => e.Seq);
            growth = await MeasureGrowthAsync(factory, emptyStore, seed: 1000 + (int)(have / GrowthSample), have);
        }
        return (factory, path, growth);
    }

    /// <summary>Fills the store through the ingest service unless it already holds N events (then no growth figure).</summary>
    private static async Task<Growth?> BuildAsync(SimpleDbContextFactory factory, int events, Func<Task<SimpleDbContextFactory>> emptyStore)
    {
        await using (var db = factory.CreateDbContext())
        {
            long have = await db.Events.OrderByDescending(e => e.Seq).Select(e => e.Seq).FirstOrDefaultAsync();
            if (have >= events)
            {
                Console.WriteLine($"Reusing the store ({have:N0} events).");
                return null;
            }
            if (have > 0) throw new InvalidOperationException("the store holds fewer events than asked for; delete it or use another --dir");
        }
        Console.WriteLine($"Building a store of {events:N0} simulated events ...");
        var watch = Stopwatch.StartNew();
        var service = Stores.Service(factory);
        long done = 0;
        foreach (var chunk in EventSource.Stream(events, seed: 3).Take(events).Chunk(Batch))
        {
            var result = await service.IngestJsonAsync(EventJson.ToNdjson(chunk), "bench:queries");
            if (result.Status != Core.Ingest.IngestStatus.Accepted) throw new InvalidOperationException(result.Message);
            done += chunk.Length;
            if (done % 1_000_000 == 0) Console.WriteLine($"  {done:N0} events, {done / watch.Elapsed.TotalSeconds:N0} events/s");
        }
        if (done < events) throw new InvalidOperationException($"the simulator produced {done} events, fewer than {events}");
        Console.WriteLine($"  built in {watch.Elapsed.TotalSeconds:F0} s");
        return await MeasureGrowthAsync(factory, emptyStore, seed: 4, done);
    }

    /// <summary>The same sample appended into an empty store and then into the full one, back to back.</summary>
    private static async Task<Growth> MeasureGrowthAsync(SimpleDbContextFactory full, Func<Task<SimpleDbContextFactory>> emptyStore, int seed, long events)
    {
        var sample = EventSource.NdjsonBatches(EventSource.Generate(GrowthSample, seed), Batch);
        double empty = await Stores.IngestAsync(Stores.Service(await emptyStore()), sample, GrowthSample, "bench:growth-empty");
        double into = await Stores.IngestAsync(Stores.Service(full), sample, GrowthSample, "bench:growth-full");
        var growth = new Growth(GrowthSample, events, empty, into);
        Console.WriteLine($"  appends of {GrowthSample:N0} events: {empty:N0} events/s into an empty store, {into:N0} events/s into the store of {events:N0}; " +
                          $"growth_ratio {growth.Ratio:F3} (target >= 0.8)");
        return growth;
    }

    private static string Database(string connection, string name) => new NpgsqlConnectionStringBuilder(connection) { Database = name }.ConnectionString;

    private static async Task<SimpleDbContextFactory> MigrateAsync(string connection, string folder)
    {
        var factory = new SimpleDbContextFactory(AuditStore.CreateOptions(new DatabaseOptions { Provider = DatabaseOptions.PostgreSqlProvider, ConnectionString = connection }, folder));
        await using var db = factory.CreateDbContext();
        await AuditStore.MigrateAsync(db);
        return factory;
    }

    private static async Task DropDatabaseAsync(string connection, string name)
    {
        await using var admin = new NpgsqlConnection(Database(connection, "postgres"));
        await admin.OpenAsync();
        await using var drop = admin.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Appends per second of the same sample into an empty store and into the full store of <c>Events</c>.</summary>
    public sealed record Growth(int Sample, long Events, double EmptyEps, double FullEps)
    {
        public double Ratio => FullEps / EmptyEps;

        public void AddTo(Dictionary<string, object> figures)
        {
            figures["growth_sample"] = Sample;
            figures["empty_append_eps"] = Math.Round(EmptyEps);
            figures["full_append_eps"] = Math.Round(FullEps);
            figures["growth_ratio"] = Math.Round(Ratio, 3);
        }
    }
}
