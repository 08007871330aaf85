namespace AuditDashboard.Core.Compliance;

public sealed record CatalogFramework
{
    public const string Soc2 = "soc2";
    public const string Iso27001 = "iso27001";

    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? ShortName { get; init; }

    public string Label => ShortName ?? Id;
}
