namespace AuditDashboard.Reporting.Model;

public sealed record ControlSection
{
    public required string Framework { get; init; }
    public required string Id { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<string> Iso2013 { get; init; } = [];
    public required string Tested { get; init; }
    public IReadOnlyList<PopulationResult> Populations { get; init; } = [];
    public IReadOnlyList<string> Detectors { get; init; } = [];
    public IReadOnlyList<ExceptionRow> Exceptions { get; init; } = [];
    /// <summary>One or two sentences: what the evidence shows, with its numbers. Never a verdict on the control.</summary>
    public required string Result { get; init; }
    public bool ShowsCompleteness { get; init; }
    public bool ShowsIntegrity { get; init; }
    public bool ShowsClockSkew { get; init; }
    public SampleResult? Sample { get; init; }
}
