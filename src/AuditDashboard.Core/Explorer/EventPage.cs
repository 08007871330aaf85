using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Explorer;

/// <summary>One page of the explorer; <see cref="Next"/> is null on the last page.</summary>
public sealed record EventPage(IReadOnlyList<AccessEvent> Events, EventCursor? Next);
