using AuditDashboard.Core.Events;
using AuditDashboard.Core.Simulation;

namespace AuditDashboard.Benchmarks;

/// <summary>Realistic events from the demo simulator, generated before any timing starts.</summary>
public static class EventSource
{
    /// <summary>The simulator's stream for about <paramref name="count"/> events, day by day, never held whole.</summary>
    public static IEnumerable<AccessEvent> Stream(int count, int seed)
    {
        int users = Math.Max(20, (int)Math.Sqrt(count / 24.0));
        int days = Math.Max(7, (int)Math.Ceiling(count / (users * 20.0)));
        var simulation = new SimulationOptions { Users = users, Days = Math.Min(days, 3650), Seed = seed, End = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) };
        return new TrafficSimulator(simulation, simulation.End!.Value).Generate();
    }

    public static List<AccessEvent> Generate(int count, int seed)
    {
        // About 24 events per user per day: size the population so the period is long enough.
        int users = Math.Max(20, (int)Math.Sqrt(count / 24.0));
        int days = Math.Max(7, (int)Math.Ceiling(count / (users * 20.0)));
        var simulation = new SimulationOptions { Users = users, Days = Math.Min(days, 3650), Seed = seed, End = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) };
        var events = new TrafficSimulator(simulation, simulation.End!.Value).Generate().Take(count).ToList();
        if (events.Count < count) throw new InvalidOperationException($"the simulator produced {events.Count} events, fewer than {count}");
        return events;
    }

    public static List<byte[]> NdjsonBatches(List<AccessEvent> events, int batch) =>
        events.Chunk(batch).Select(EventJson.ToNdjson).ToList();
}
