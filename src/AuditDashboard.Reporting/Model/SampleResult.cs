namespace AuditDashboard.Reporting.Model;

public sealed record SampleResult(string Population, long PopulationSize, IReadOnlyList<SampleRow> Rows);
