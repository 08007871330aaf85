using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Detection;

/// <summary>
/// A detector sees events one at a time, in timestamp order, and keeps only bounded state per key (expired
/// as time moves on), so it can run on ingest and over a backfill alike.
/// </summary>
public interface IDetector
{
    string Name { get; }

    /// <summary>Alerts raised or updated by this event (usually none).</summary>
    IEnumerable<AlertCandidate> Observe(AccessEvent e);
}
