namespace AuditDashboard.Core.Detection;

/// <summary>How far incremental detection has read the chain.</summary>
public sealed class DetectionState
{
    public int Id { get; set; } = 1;
    public long LastSeq { get; set; }
}
