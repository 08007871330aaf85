using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using AuditDashboard.Core.ApiKeys;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AuditDashboard.Benchmarks;

/// <summary>
/// <c>postgres --connection STRING --events N [--batch B] [--json FILE]</c>: on a PostgreSQL server, (a) raw binary COPY
/// into the migrated events table without its triggers, the baseline; (b) the ingest service (validation, duplicates,
/// chain, Merkle tree, COPY); (c) HTTP ingest from three concurrent clients into one web app process, and (d) spread
/// over three processes on the same database. Each run gets fresh databases, dropped afterwards.
/// </summary>
public static class PostgresBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? connection = null, json = null;
        int events = 100_000, batch = 1000;
        for (int i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--connection": connection = args[i + 1]; break;
                case "--events": events = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--batch": batch = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--json": json = args[i + 1]; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }
        if (connection is null)
        {
            Console.Error.WriteLine("postgres needs --connection (an owner's connection string; databases bench_* are made and dropped)");
            return 2;
        }
        var folder = Path.Combine(Path.GetTempPath(), "auditdash-bench-pg");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        using (var signer = AuditDashboard.Core.Integrity.Notes.NoteSigner.Generate(new AuditDashboard.Core.Integrity.IntegrityOptions().LogOrigin))
            AuditDashboard.Core.Integrity.Notes.SigningKeyFile.Create(Path.Combine(folder, "log-signing.key"), signer);

        Console.WriteLine($"Generating {events:N0} events (batches of {batch:N0}) ...");
        var generated = EventSource.Generate(events, seed: 1);
        var batches = EventSource.NdjsonBatches(generated, batch);
        var figures = new Dictionary<string, object> { ["events"] = events, ["batch"] = batch };
        var databases = new List<string>();
        async Task<SimpleDbContextFactory> FreshAsync(string name)
        {
            databases.Add(name);
            await AdminAsync(connection, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            var factory = new SimpleDbContextFactory(AuditStore.CreateOptions(new DatabaseOptions { Provider = "PostgreSQL", ConnectionString = With(connection, name) }, folder));
            await using var db = factory.CreateDbContext();
            await AuditStore.MigrateAsync(db);
            return factory;
        }
        try
        {
            double raw = await RawCopyAsync(await FreshAsync("bench_raw"), generated, batch);
            Report("(a) raw binary COPY", raw, raw);
            double treeOff = await Stores.IngestAsync(Stores.Service(await FreshAsync("bench_tree_off"), withoutMerkleLog: true), batches, events, "bench:tree-off");
            Report("(b0) service, no Merkle log", treeOff, raw);
            double service = await Stores.IngestAsync(Stores.Service(await FreshAsync("bench_service")), batches, events, "bench:service");
            Report("(b) ingest service", service, raw);
            double one = await HttpAsync(await FreshAsync("bench_http1"), With(connection, "bench_http1"), 1, batches, events, folder);
            Report("(c) HTTP, 1 instance", one, raw);
            double three = await HttpAsync(await FreshAsync("bench_http3"), With(connection, "bench_http3"), 3, batches, events, folder);
            Report("(d) HTTP, 3 instances", three, raw);
            figures["raw_copy_eps"] = Math.Round(raw);
            figures["service_eps"] = Math.Round(service);
            figures["service_ratio"] = Math.Round(service / raw, 3);
            figures["tree_off_eps"] = Math.Round(treeOff);
            figures["http_1_eps"] = Math.Round(one);
            figures["http_3_eps"] = Math.Round(three);
            figures["instances_ratio"] = Math.Round(three / one, 3);
            Console.WriteLine($"service_ratio {service / raw:F3} (target >= 0.5), 3 instances / 1: {three / one:F3}");
            if (json is not null) await File.WriteAllTextAsync(json, JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            foreach (var name in databases) await AdminAsync(connection, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    /// <summary>
    /// The same table, the same indexes, one COPY per batch in its own transaction; no triggers, no checks, no hashing.
    /// The (source, event_id) keys go to event_keys by a second COPY, as the trigger puts them there (ADR 0018).
    /// </summary>
    private static async Task<double> RawCopyAsync(SimpleDbContextFactory factory, List<AccessEvent> events, int batch)
    {
        await using var db = factory.CreateDbContext();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("ALTER TABLE access_events DISABLE TRIGGER USER", connection)) await off.ExecuteNonQueryAsync();
        var copies = events.Select(e => (AccessEvent)typeof(AccessEvent).GetMethod("MemberwiseClone", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.Invoke(e, null)!).ToList();
        long seq = 0;
        var now = DateTime.UtcNow;
        foreach (var e in copies) (e.Seq, e.ReceivedAt, e.PrevHash, e.Hash) = (++seq, now, new byte[32], new byte[32]);
        var watch = Stopwatch.StartNew();
        foreach (var chunk in copies.Chunk(batch))
        {
            await using var tx = await connection.BeginTransactionAsync();
            await PostgreSqlCopy.AppendAsync(connection, chunk, CancellationToken.None);
            await using (var keys = await connection.BeginBinaryImportAsync("COPY event_keys (source, event_id, seq) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var e in chunk)
                {
                    await keys.StartRowAsync();
                    await keys.WriteAsync(e.Source, NpgsqlTypes.NpgsqlDbType.Varchar);
                    await keys.WriteAsync(e.EventId, NpgsqlTypes.NpgsqlDbType.Varchar);
                    await keys.WriteAsync(e.Seq, NpgsqlTypes.NpgsqlDbType.Bigint);
                }
                await keys.CompleteAsync();
            }
            await tx.CommitAsync();
        }
        return copies.Count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Three concurrent senders, round-robin over the instances: the same load whether one process takes it or three.</summary>
    private static async Task<double> HttpAsync(SimpleDbContextFactory factory, string connection, int instances, List<byte[]> batches, int events, string folder)
    {
        var (_, key) = await new ApiKeyService(factory, TimeProvider.System).CreateAsync("benchmark", ["*"]);
        await using var web = await WebInstances.StartAsync(instances, connection, folder);
        var clients = web.Addresses.Select(a => new HttpClient { BaseAddress = a, DefaultRequestHeaders = { { "X-Api-Key", key } } }).ToList();
        int next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Count)
            {
                using var content = new ByteArrayContent(batches[i]);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
                using var response = await clients[i % clients.Count].PostAsync("/api/v1/events", content);
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }));
        double eps = events / watch.Elapsed.TotalSeconds;
        foreach (var c in clients) c.Dispose();
        return eps;
    }

    private static string With(string connection, string database) => new NpgsqlConnectionStringBuilder(connection) { Database = database }.ConnectionString;

    private static async Task AdminAsync(string connection, string sql)
    {
        await using var admin = new NpgsqlConnection(With(connection, "postgres"));
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    private static void Report(string name, double eps, double baseline) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-26} {eps,12:N0} events/s   ratio {eps / baseline:F3}"));
}
