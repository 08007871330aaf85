using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Detection;

/// <summary>Password spray: one source failing sign-ins for many distinct accounts in a window.</summary>
public sealed class PasswordSprayDetector(CountThreshold threshold) : IDetector
{
    private readonly SlidingWindow<(long Seq, string Account)> _window = new(threshold.Window, maxPerKey: 5000);
    private readonly Episodes _episodes = new(threshold.Window);

    public string Name => "password_spray";

    public IEnumerable<AlertCandidate> Observe(AccessEvent e)
    {
        if (e.EventType != EventTypes.LoginFailure || e.Ip is null) yield break;
        var account = e.UserId ?? e.Username;
        if (account is null) yield break;
        var recent = _window.Add(e.Ip, e.Timestamp, (e.Seq, account));
        int accounts = recent.Select(r => r.Item.Account).Distinct(StringComparer.Ordinal).Count();
        if (accounts < threshold.Count) yield break;
        var start = _episodes.StartOf(e.Ip, recent.First().At, e.Timestamp);
        yield return new AlertCandidate(Name, Severities.High, "ip", e.Ip, start, e.Timestamp, recent.Select(r => r.Item.Seq).ToList(),
            $"IP {e.Ip} failed sign-ins for {accounts} different accounts within {threshold.WindowMinutes} minutes (threshold {threshold.Count}).",
            [Controls.Cc66, Controls.Cc72, Controls.A85, Controls.A816]);
    }
}
