namespace AuditDashboard.Core.Overview;

/// <summary>How far the aggregates have read the chain.</summary>
public sealed class AggregateState
{
    public int Id { get; set; } = 1;
    public long LastSeq { get; set; }
}
