namespace AuditDashboard.Reporting.Model;

/// <summary>An event population: its query in words, its size, and its size per source.</summary>
public sealed record PopulationResult(string Name, string Query, long Size, IReadOnlyList<LabelledCount> BySource);
