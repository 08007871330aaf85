using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Detection;

/// <summary>MFA fatigue: many MFA challenges denied or ignored for one user in a window, then one accepted.</summary>
public sealed class MfaFatigueDetector(CountThreshold threshold) : IDetector
{
    private readonly SlidingWindow<long> _denials = new(threshold.Window);

    public string Name => "mfa_fatigue";

    public IEnumerable<AlertCandidate> Observe(AccessEvent e)
    {
        var user = e.UserId ?? e.Username;
        if (user is null) yield break;
        if (e.EventType == EventTypes.MfaFailure)
        {
            _denials.Add(user, e.Timestamp, e.Seq);
            yield break;
        }
        if (e.EventType != EventTypes.MfaSuccess) yield break;
        var recent = _denials.Add(user, e.Timestamp, -e.Seq).Where(r => r.Item > 0).ToList();
        if (recent.Count < threshold.Count) yield break;
        yield return new AlertCandidate(Name, Severities.High, "user", user, recent[0].At, e.Timestamp,
            recent.Select(r => r.Item).Append(e.Seq).ToList(),
            $"{e.Username ?? user} denied or ignored {recent.Count} MFA prompts within {threshold.WindowMinutes} minutes, then accepted one (threshold {threshold.Count}).",
            [Controls.Cc61, Controls.Cc66, Controls.A85]);
    }
}
