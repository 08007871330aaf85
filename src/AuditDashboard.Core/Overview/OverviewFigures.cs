namespace AuditDashboard.Core.Overview;

/// <summary>What the overview shows for a time range.</summary>
public sealed record OverviewFigures(
    DateTime From,
    DateTime To,
    long Events,
    long SignInSuccesses,
    long SignInFailures,
    long ActiveSessions,
    long DistinctUsers,
    long DistinctClients,
    BucketSize BucketSize,
    IReadOnlyList<DateTime> Buckets,
    IReadOnlyDictionary<string, long[]> EventsByType,
    long[] Failures,
    IReadOnlyList<TopItem> TopFailingUsers,
    IReadOnlyList<TopItem> TopFailingIps,
    IReadOnlyList<TopItem> TopFailingClients,
    long AggregatedThroughSeq)
{
    /// <summary>Sign-in failures as a share of sign-in attempts, 0 when there were none.</summary>
    public double FailureRate => SignInSuccesses + SignInFailures == 0 ? 0 : (double)SignInFailures / (SignInSuccesses + SignInFailures);
}

public sealed record TopItem(string Value, long Count);
