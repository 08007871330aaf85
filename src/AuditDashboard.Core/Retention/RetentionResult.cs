using AuditDashboard.Core.Integrity.Log;

namespace AuditDashboard.Core.Retention;

/// <summary>What a retention run found (<see cref="Plan"/>), what left (<see cref="Purged"/>) and the checkpoint that covered it.</summary>
public sealed record RetentionResult(IReadOnlyList<RetentionMonth> Plan, IReadOnlyList<RetentionBoundary> Purged, LogCheckpoint? Checkpoint);
