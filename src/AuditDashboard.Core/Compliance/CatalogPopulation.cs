namespace AuditDashboard.Core.Compliance;

/// <summary>An event population: events of these types (all types when empty), optionally only these outcomes and sources.</summary>
public sealed record CatalogPopulation
{
    public required string Name { get; init; }
    public IReadOnlyList<string> EventTypes { get; init; } = [];
    public IReadOnlyList<string> Outcomes { get; init; } = [];
    public IReadOnlyList<string> Sources { get; init; } = [];
}
