namespace AuditDashboard.Core.Compliance;

/// <summary>A control access logs cannot demonstrate: listed so the report says so rather than claiming it.</summary>
public sealed record OutOfScopeControl
{
    public required string Framework { get; init; }
    public required string Id { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<string> Iso2013 { get; init; } = [];
    public required string Reason { get; init; }
}
