using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Compliance;

/// <summary>One population counted during the scan: its size per source and its seqs in order (for the sample).</summary>
internal sealed class PopulationTally(CatalogPopulation population)
{
    private readonly HashSet<string> _types = [.. population.EventTypes];
    private readonly HashSet<string> _outcomes = [.. population.Outcomes];
    private readonly HashSet<string> _sources = [.. population.Sources];

    public CatalogPopulation Population { get; } = population;
    public Dictionary<string, long> BySource { get; } = new(StringComparer.Ordinal);
    public List<long> Seqs { get; } = [];

    public static string Key(CatalogPopulation p) =>
        $"{string.Join(',', p.EventTypes.Order(StringComparer.Ordinal))}|{string.Join(',', p.Outcomes.Order(StringComparer.Ordinal))}|{string.Join(',', p.Sources.Order(StringComparer.Ordinal))}";

    public void Offer(EventFacts e)
    {
        if (_types.Count > 0 && !_types.Contains(e.EventType)) return;
        if (_outcomes.Count > 0 && !_outcomes.Contains(e.Outcome)) return;
        if (_sources.Count > 0 && !_sources.Contains(e.Source)) return;
        // A population that names no source is the providers' and resource servers' activity, not the dashboard's own use.
        if (_sources.Count == 0 && e.Source == EventSources.Dashboard) return;
        Seqs.Add(e.Seq);
        BySource[e.Source] = BySource.GetValueOrDefault(e.Source) + 1;
    }

    /// <summary>The population's query in words, as the report prints it.</summary>
    public string Query(ReportRequest r)
    {
        var parts = new List<string> { Population.EventTypes.Count == 0 ? "all events" : $"events of type {string.Join(", ", Population.EventTypes)}" };
        if (Population.Outcomes.Count > 0) parts.Add($"with outcome {string.Join(" or ", Population.Outcomes)}");
        if (Population.Sources.Count > 0) parts.Add($"from source {string.Join(" or ", Population.Sources)}");
        else parts.Add($"from every source but the dashboard's own ({EventSources.Dashboard})");
        parts.Add($"with a timestamp from {r.From:yyyy-MM-dd HH:mm} to {r.To:yyyy-MM-dd HH:mm} UTC (end exclusive)");
        if (r.Sources.Count > 0) parts.Add($"in the report's scope of sources ({string.Join(", ", r.Sources)})");
        if (r.Clients.Count > 0) parts.Add($"in the report's scope of clients ({string.Join(", ", r.Clients)})");
        return string.Join(" ", parts);
    }
}
