using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Explorer;
using AuditDashboard.Core.Overview;
using AuditDashboard.Core.Sessions;
using AuditDashboard.Core.Storage;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Benchmarks;

/// <summary>
/// p50/p95 of the queries behind each dashboard page on a store of N simulated events, and the same questions
/// answered by a full scan of the events table (SQLite NOT INDEXED; on PostgreSQL with index scans switched off) as
/// the baseline, in the same run. With --connection the store is a PostgreSQL database.
/// </summary>
public static class QueryBenchmark
{
    private const int Runs = 40;
    private const int BaselineRuns = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        if (StoreArgs.Parse(args, "auditdash-bench-queries") is not { } options) return 2;
        var (events, json) = (options.Events, options.Json);
        var (factory, path, growth) = await BenchmarkStore.OpenAsync(options);
        var aggregator = new Aggregator(factory);
        var watch = Stopwatch.StartNew();
        await aggregator.CatchUpAsync();
        Console.WriteLine($"Aggregates current ({watch.Elapsed.TotalSeconds:F1} s to catch up).");

        await using var setup = factory.CreateDbContext();
        var now = await setup.Events.MaxAsync(e => e.Timestamp);
        var from30 = now.AddDays(-30);
        var from7 = now.AddDays(-7);
        var deepFilter = new EventFilter { EventTypes = [EventTypes.TokenValidated], From = from30, To = now.AddSeconds(1) };
        int deepCount = await EventQueries.Apply(setup, deepFilter, null).CountAsync();
        var deepRow = await EventQueries.Apply(setup, deepFilter, null).OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.Seq)
            .Skip(deepCount * 4 / 5).Select(e => new { e.Timestamp, e.Seq }).FirstAsync();
        var deepCursor = new EventCursor(deepRow.Timestamp, deepRow.Seq);
        var sessions = await setup.Events.Where(e => e.SessionId != null && e.Timestamp >= from30).Select(e => e.SessionId!).Distinct().Take(2000).ToListAsync();
        var sampleSessions = Enumerable.Range(0, Runs).Select(i => sessions[i * 37 % sessions.Count]).ToList();
        Console.WriteLine($"Store: {events:N0} events; deep page at {deepCount * 4 / 5:N0} of {deepCount:N0} token_validated in 30 days.");

        var results = new List<(string Name, double P50, double P95, double BaseP50, double BaseP95)>();
        async Task Measure(string name, Func<int, Task> query, Func<DbConnection, int, Task> baseline)
        {
            for (int i = 0; i < 3; i++) await query(i);
            var times = new List<double>();
            for (int i = 0; i < Runs; i++)
            {
                var sw = Stopwatch.StartNew();
                await query(i);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            await using var connection = await BaselineConnectionAsync(options, path);
            var baseTimes = new List<double>();
            for (int i = 0; i < BaselineRuns; i++)
            {
                var sw = Stopwatch.StartNew();
                await baseline(connection, i);
                baseTimes.Add(sw.Elapsed.TotalMilliseconds);
            }
            var r = (name, P(times, 50), P(times, 95), P(baseTimes, 50), P(baseTimes, 95));
            results.Add(r);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-28} p50 {r.Item2,8:F1} ms  p95 {r.Item3,8:F1} ms   full scan p50 {r.Item4,9:F1} ms  p95 {r.Item5,9:F1} ms   speed-up {r.Item5 / r.Item3,7:F0}x"));
        }

        await Measure("overview_30d",
            async _ =>
            {
                await using var db = factory.CreateDbContext();
                await OverviewQueries.LoadAsync(db, aggregator, from30, now);
            },
            (c, _) => Scan(c, "SELECT event_type, outcome, COUNT(*), COUNT(DISTINCT session_id), COUNT(DISTINCT user_id), COUNT(DISTINCT client_id) " +
                              "FROM access_events NOT INDEXED WHERE timestamp >= @from AND timestamp < @to GROUP BY event_type, outcome",
                ("@from", from30.Ticks), ("@to", now.Ticks)));
        await Measure("explorer_first_page",
            async _ =>
            {
                await using var db = factory.CreateDbContext();
                await EventQueries.PageAsync(db, new EventFilter(), null, 50);
            },
            (c, _) => Scan(c, "SELECT * FROM access_events NOT INDEXED ORDER BY timestamp DESC, seq DESC LIMIT 51"));
        await Measure("explorer_deep_page_filtered",
            async _ =>
            {
                await using var db = factory.CreateDbContext();
                await EventQueries.PageAsync(db, deepFilter, deepCursor, 50);
            },
            (c, _) => Scan(c, "SELECT * FROM access_events NOT INDEXED WHERE event_type = 'token_validated' AND timestamp >= @from " +
                              "AND (timestamp < @t OR (timestamp = @t AND seq < @s)) ORDER BY timestamp DESC, seq DESC LIMIT 51",
                ("@from", from30.Ticks), ("@t", deepCursor.Timestamp.Ticks), ("@s", deepCursor.Seq)));
        await Measure("session_trace",
            async i =>
            {
                await using var db = factory.CreateDbContext();
                await SessionQueries.TraceAsync(db, sampleSessions[i % sampleSessions.Count]);
            },
            (c, i) => Scan(c, "SELECT * FROM access_events NOT INDEXED WHERE session_id = @id", ("@id", sampleSessions[i % sampleSessions.Count])));
        await Measure("sessions_list_7d",
            async _ =>
            {
                await using var db = factory.CreateDbContext();
                await SessionQueries.ListAsync(db, aggregator, new EventFilter { From = from7 }, 200);
            },
            (c, _) => Scan(c, "SELECT session_id, MAX(username), MIN(timestamp), MAX(timestamp), COUNT(*), COUNT(DISTINCT ip) FROM access_events NOT INDEXED " +
                              "WHERE session_id IS NOT NULL AND timestamp >= @from GROUP BY session_id ORDER BY MAX(timestamp) DESC LIMIT 200", ("@from", from7.Ticks)));

        // What people type: a name's beginning in another case, a country's name.
        var someUser = await setup.Events.Where(e => e.Username != null && e.Source != EventSources.Dashboard).Select(e => e.Username!).FirstAsync();
        var typed = someUser[..Math.Min(4, someUser.Length)].ToUpperInvariant();
        await Measure("explorer_user_prefix",
            async _ =>
            {
                await using var db = factory.CreateDbContext();
                await EventQueries.PageAsync(db, new EventFilter { User = typed }, null, 50);
            },
            (c, _) => Scan(c, "SELECT * FROM access_events NOT INDEXED WHERE lower(username) LIKE @p OR lower(user_id) LIKE @p ORDER BY timestamp DESC, seq DESC LIMIT 51",
                ("@p", typed.ToLowerInvariant() + "%")));
        var someCountry = await setup.Events.Where(e => e.GeoCountry != null).Select(e => e.GeoCountry!).FirstAsync();
        var countryName = Core.Geo.Countries.Name(someCountry) ?? someCountry;
        await Measure("explorer_country_name",
            async _ =>
            {
                await using var db = factory.CreateDbContext();
                await EventQueries.PageAsync(db, new EventFilter { Country = countryName.ToLowerInvariant() }, null, 50);
            },
            (c, _) => Scan(c, "SELECT * FROM access_events NOT INDEXED WHERE geo_country = @c ORDER BY timestamp DESC, seq DESC LIMIT 51", ("@c", someCountry)));
        await Measure("explorer_count",
            async _ =>
            {
                await using var db = factory.CreateDbContext();
                await EventQueries.CountAsync(db, new EventFilter { From = from30 });
            },
            (c, _) => Scan(c, "SELECT COUNT(*) FROM access_events NOT INDEXED WHERE timestamp >= @from", ("@from", from30.Ticks)));
        await Measure("sessions_page_by_events",
            async _ =>
            {
                await using var db = factory.CreateDbContext();
                await SessionListQueries.PageAsync(db, aggregator, new SessionFilter { From = from7, Sort = SessionSort.Events }, null, 50);
            },
            (c, _) => Scan(c, "SELECT session_id, COUNT(*) AS n FROM access_events NOT INDEXED WHERE session_id IS NOT NULL AND timestamp >= @from " +
                              "GROUP BY session_id ORDER BY n DESC LIMIT 51", ("@from", from7.Ticks)));

        var page95 = results.Where(r => r.Name != "overview_30d").Max(r => r.P95);
        var overview95 = results.Single(r => r.Name == "overview_30d").P95;
        Console.WriteLine($"Worst page query p95 {page95:F1} ms (target <= 50), overview p95 {overview95:F1} ms (target <= 100).");
        if (json is not null)
        {
            var figures = new Dictionary<string, object> { ["events"] = events };
            if (growth is not null) growth.AddTo(figures);
            foreach (var r in results)
            {
                figures[r.Name + "_p50_ms"] = Math.Round(r.P50, 2);
                figures[r.Name + "_p95_ms"] = Math.Round(r.P95, 2);
                figures[r.Name + "_fullscan_p95_ms"] = Math.Round(r.BaseP95, 2);
                figures[r.Name + "_speedup"] = Math.Round(r.BaseP95 / r.P95, 1);
            }
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"Wrote {json}");
        }
        return 0;
    }

    /// <summary>A read-only connection for the full-scan baseline: SQLite's file, or PostgreSQL with every index path off.</summary>
    private static async Task<DbConnection> BaselineConnectionAsync(StoreArgs options, string path)
    {
        DbConnection connection = options.Connection is null ? new SqliteConnection($"Data Source={path};Mode=ReadOnly") : new NpgsqlConnection(path);
        await connection.OpenAsync();
        if (connection is NpgsqlConnection)
        {
            await using var off = connection.CreateCommand();
            off.CommandText = "SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off";
            await off.ExecuteNonQueryAsync();
        }
        return connection;
    }

    private static async Task Scan(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = connection is NpgsqlConnection ? sql.Replace(" NOT INDEXED", "", StringComparison.Ordinal) : sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = (name, value);
            command.Parameters.Add(parameter);
        }
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) { }
    }

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.OrderBy(v => v).ToList();
        int index = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
