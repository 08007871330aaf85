using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Detection;

/// <summary>Dormant account reactivation: a successful sign-in after a long inactivity period (one timestamp kept per user).</summary>
public sealed class DormantAccountDetector(TimeSpan inactivity) : IDetector
{
    private readonly Dictionary<string, (DateTime At, long Seq)> _lastSignIn = new(StringComparer.Ordinal);

    public string Name => "dormant_account_reactivation";

    public IEnumerable<AlertCandidate> Observe(AccessEvent e)
    {
        if (e.EventType != EventTypes.LoginSuccess || (e.UserId ?? e.Username) is not { } user) yield break;
        if (_lastSignIn.TryGetValue(user, out var last) && e.Timestamp - last.At >= inactivity)
        {
            // The window is the sign-in that fired it: the previous sign-in is evidence, not when the alert happened.
            yield return new AlertCandidate(Name, Severities.Medium, "user", user, e.Timestamp, e.Timestamp, [last.Seq, e.Seq],
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{e.Username ?? user} signed in after {(e.Timestamp - last.At).TotalDays:F0} days without a sign-in (previous sign-in {last.At:yyyy-MM-dd HH:mm} UTC; threshold {inactivity.TotalDays:F0} days)."),
                [Controls.Cc62, Controls.A816, "ISO27001 A.5.18"]);
        }
        if (!_lastSignIn.TryGetValue(user, out var kept) || e.Timestamp > kept.At) _lastSignIn[user] = (e.Timestamp, e.Seq);
    }
}
