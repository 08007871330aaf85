namespace AuditDashboard.Core.Import;

/// <summary>
/// What an import did. When <see cref="Errors"/> is not empty nothing was stored; skipped records are vendor event
/// types outside the taxonomy, counted by type.
/// </summary>
public sealed record ImportResult(
    string Format,
    long Records,
    int Accepted,
    int Duplicates,
    IReadOnlyDictionary<string, int> Skipped,
    IReadOnlyList<string> Errors,
    long HeadSeq,
    string HeadHash)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Set when the file names a source the importing key may not write (nothing was stored).</summary>
    public string? Forbidden { get; init; }
}
