namespace AuditDashboard.Core.Compliance;

/// <summary>What to report on: frameworks, a period [From, To) in UTC, and a scope (empty lists mean everything).</summary>
public sealed record ReportRequest
{
    public required IReadOnlyList<string> Frameworks { get; init; }
    public required DateTime From { get; init; }
    public required DateTime To { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];
    public IReadOnlyList<string> Clients { get; init; } = [];
    public required string Organisation { get; init; }
    public required string GeneratedBy { get; init; }
    /// <summary>Seed of the evidence samples; printed in the report so anyone can draw the same sample again.</summary>
    public required int Seed { get; init; }
    public required string ReportId { get; init; }

    public const int MaxDays = 400;

    /// <summary>Every problem at once.</summary>
    public IEnumerable<string> Validate(ControlCatalog catalog)
    {
        if (Frameworks.Count == 0) yield return "choose at least one framework (soc2, iso27001)";
        foreach (var f in Frameworks.Where(f => catalog.Frameworks.All(k => k.Id != f)))
            yield return $"unknown framework '{f}' (known: {string.Join(", ", catalog.Frameworks.Select(k => k.Id))})";
        if (From.Kind != DateTimeKind.Utc || To.Kind != DateTimeKind.Utc) yield return "the period must be given in UTC";
        if (From >= To) yield return "the period's start must be before its end";
        else if ((To - From).TotalDays > MaxDays) yield return $"the period is longer than {MaxDays} days";
        if (string.IsNullOrWhiteSpace(Organisation)) yield return "the organisation is required";
    }

    /// <summary>New report ids: time-ordered and unguessable enough to name a file.</summary>
    public static string NewId(DateTime now) => $"RPT-{now:yyyyMMdd-HHmmss}-{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
}
