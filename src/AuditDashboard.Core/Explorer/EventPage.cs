using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Explorer;

/// <summary>One page of the explorer; <see cref="Next"/> is null on the last page; <see cref="Notes"/> say how a filter was read.</summary>
public sealed record EventPage(IReadOnlyList<AccessEvent> Events, EventCursor? Next, IReadOnlyList<string> Notes);
