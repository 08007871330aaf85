namespace AuditDashboard.Core.Compliance;

/// <summary>A control access logs bear on, and the evidence that demonstrates it.</summary>
public sealed record CatalogControl
{
    public required string Framework { get; init; }
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>ISO/IEC 27001:2013 equivalents of a 2022 Annex A control.</summary>
    public IReadOnlyList<string> Iso2013 { get; init; } = [];
    /// <summary>What was tested, in words, for the report.</summary>
    public required string Tested { get; init; }
    public IReadOnlyList<CatalogPopulation> Populations { get; init; } = [];
    /// <summary>Detectors whose alerts are this control's exceptions.</summary>
    public IReadOnlyList<string> Detectors { get; init; } = [];
    /// <summary>Further evidence: see <see cref="EvidenceKinds"/>.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    public bool Has(string evidenceKind) => Evidence.Contains(evidenceKind);
}
