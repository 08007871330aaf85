namespace AuditDashboard.Core.Detection;

/// <summary>
/// The alert queue's filters. <see cref="Assignee"/> <see cref="Unassigned"/> asks for alerts nobody holds; the
/// period keeps alerts whose window touches [From, To).
/// </summary>
public sealed record AlertFilter(string? Status = null, string? Detector = null, string? Severity = null, string? Assignee = null,
    DateTime? From = null, DateTime? To = null)
{
    public const string Unassigned = "(unassigned)";
}
