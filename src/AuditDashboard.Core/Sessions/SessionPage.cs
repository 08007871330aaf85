namespace AuditDashboard.Core.Sessions;

/// <summary>One page of sessions; <see cref="Next"/> is null on the last; <see cref="Flagged"/> are the sessions an alert is about.</summary>
public sealed record SessionPage(IReadOnlyList<SessionSummary> Sessions, SessionCursor? Next, IReadOnlySet<string> Flagged, IReadOnlyList<string> Notes);
