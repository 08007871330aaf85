using AuditDashboard.Core.Integrity;

namespace AuditDashboard.Core.Detection;

/// <summary>
/// The integrity-break detector: it reads chain verifications rather than events. One break is one alert, however
/// often verification finds it again (the episode starts at the last intact event, which does not move).
/// </summary>
public static class IntegrityBreak
{
    public const string Name = "integrity_break";

    /// <summary>Null when the chain is intact.</summary>
    public static AlertCandidate? Candidate(VerificationResult result, DateTime lastIntactAt, DateTime now)
    {
        if (result.Intact || result.FirstBrokenSeq is not { } broken) return null;
        var kind = result.Kind.ToString().ToLowerInvariant();
        IReadOnlyList<long> evidence = result.HeadSeq > 0 ? [result.HeadSeq, broken] : [broken];
        return new AlertCandidate(Name, Severities.Critical, "store", $"seq {broken} ({kind})", lastIntactAt, now, evidence,
            $"Chain verification failed at seq {broken} ({kind}): {result.Message}. " +
            $"{result.EventsChecked} events verified intact before it, up to seq {result.HeadSeq}.",
            [Controls.Cc41, Controls.Cc72, Controls.A528, Controls.A533, Controls.A815]);
    }
}
