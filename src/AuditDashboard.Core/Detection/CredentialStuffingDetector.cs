using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Detection;

/// <summary>
/// Credential stuffing: against one client, sign-in failures across many accounts from many IPs in a window, with a
/// high failure ratio (leaked credentials tried at scale).
/// </summary>
public sealed class CredentialStuffingDetector(StuffingThreshold threshold) : IDetector
{
    private readonly SlidingWindow<(long Seq, bool Failed, string? Account, string? Ip)> _window = new(threshold.Window, maxPerKey: 20_000);
    private readonly Episodes _episodes = new(threshold.Window);

    public string Name => "credential_stuffing";

    public IEnumerable<AlertCandidate> Observe(AccessEvent e)
    {
        if (e.EventType is not (EventTypes.LoginFailure or EventTypes.LoginSuccess)) yield break;
        var client = e.ClientId ?? "(no client)";
        var recent = _window.Add(client, e.Timestamp, (e.Seq, e.EventType == EventTypes.LoginFailure, e.Username ?? e.UserId, e.Ip));
        if (e.EventType != EventTypes.LoginFailure) yield break;
        var failures = recent.Where(r => r.Item.Failed).ToList();
        int accounts = failures.Select(r => r.Item.Account).OfType<string>().Distinct().Count();
        int ips = failures.Select(r => r.Item.Ip).OfType<string>().Distinct().Count();
        double ratio = (double)failures.Count / recent.Count;
        if (accounts < threshold.Accounts || ips < threshold.Ips || ratio < threshold.FailureRatio) yield break;
        var start = _episodes.StartOf(client, failures[0].At, e.Timestamp);
        yield return new AlertCandidate(Name, Severities.High, "client", client, start, e.Timestamp, failures.Select(r => r.Item.Seq).ToList(),
            $"{failures.Count} failed sign-ins to {client} for {accounts} accounts from {ips} IPs within {threshold.WindowMinutes} minutes, " +
            $"{ratio:P0} of all sign-ins (thresholds {threshold.Accounts} accounts, {threshold.Ips} IPs, {threshold.FailureRatio:P0}).",
            [Controls.Cc66, Controls.Cc72, Controls.A85, Controls.A816]);
    }
}
