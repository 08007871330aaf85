namespace AuditDashboard.Core.Overview;

/// <summary>How much time one point of an overview chart covers.</summary>
public enum BucketSize
{
    Hour,
    Day,
    Week,
    Month,
    Year,
}
