using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Explorer;

/// <summary>
/// One page of the explorer in its order: <see cref="Next"/> continues it (null on the last page), <see cref="Previous"/>
/// goes back (null on the first); <see cref="Notes"/> say how a filter was read.
/// </summary>
public sealed record EventPage(IReadOnlyList<AccessEvent> Events, EventCursor? Next, IReadOnlyList<string> Notes, EventCursor? Previous = null);
