using System.Text.Json;

namespace AuditDashboard.Benchmarks;

/// <summary>
/// <c>growth --events N</c>: on the query benchmark's store of N events (built first if need be), the same 100,000
/// new events appended into an empty store and then into the full one, back to back, so both see the same machine.
/// </summary>
public static class GrowthBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (StoreArgs.Parse(args, "auditdash-bench-queries") is not { } options) return 2;
        var (_, _, growth) = await BenchmarkStore.OpenAsync(options, remeasure: true);
        if (options.Json is not null && growth is not null)
        {
            var figures = new Dictionary<string, object> { ["events"] = growth.Events };
            growth.AddTo(figures);
            await File.WriteAllTextAsync(options.Json, JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"Wrote {options.Json}");
        }
        return 0;
    }
}
