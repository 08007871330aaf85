namespace AuditDashboard.Core.Compliance;

/// <summary>A control's live evidence for a period: its populations' sizes and its exceptions per detector.</summary>
public sealed record ControlStatus(
    CatalogControl Control,
    IReadOnlyList<(CatalogPopulation Population, long Size)> Populations,
    IReadOnlyList<(string Detector, int Open, int Total)> Exceptions)
{
    public int OpenExceptions => Exceptions.Sum(e => e.Open);
    public bool HasPopulation => Populations.Count > 0;
    public bool EmptyPopulation => Populations.Count > 0 && Populations.All(p => p.Size == 0);
}
