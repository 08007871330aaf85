namespace AuditDashboard.Reporting.Model;

/// <summary>Everything a report shows, already computed: the renderer only lays it out.</summary>
public sealed record ReportModel
{
    public required string ReportId { get; init; }
    public required string Organisation { get; init; }
    /// <summary>Display names of the frameworks covered.</summary>
    public required IReadOnlyList<string> Frameworks { get; init; }
    /// <summary>Start (inclusive) and end (exclusive) of the period, UTC.</summary>
    public required DateTime From { get; init; }
    public required DateTime To { get; init; }
    public required string Scope { get; init; }
    public required DateTime GeneratedAt { get; init; }
    public required string GeneratedBy { get; init; }
    public required ReportSummary Summary { get; init; }
    public required IReadOnlyList<SourceCompleteness> Completeness { get; init; }
    public required IReadOnlyList<ControlSection> Controls { get; init; }
    public IReadOnlyList<OutOfScopeItem> OutOfScope { get; init; } = [];
    /// <summary>The dashboard's own use in the period (source auditdashboard), counted apart from the providers' activity.</summary>
    public IReadOnlyList<DashboardUseRow> DashboardUse { get; init; } = [];
    public required IntegrityAttestation Integrity { get; init; }
    public required int SampleSeed { get; init; }
    public required string SampleMethod { get; init; }
    /// <summary>What signs the PDF; says so when it is a development certificate.</summary>
    public required string Signing { get; init; }
    public IReadOnlyList<string> Methodology { get; init; } = [];
    public IReadOnlyList<GlossaryEntry> Glossary { get; init; } = [];
}
