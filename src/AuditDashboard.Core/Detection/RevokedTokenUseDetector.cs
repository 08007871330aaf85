using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Detection;

/// <summary>Revoked token use: a token validated or used at a resource after it was revoked.</summary>
public sealed class RevokedTokenUseDetector(TimeSpan memory) : IDetector
{
    private readonly Dictionary<string, (DateTime At, long Seq)> _revoked = new(StringComparer.Ordinal);
    private readonly Episodes _episodes = new(TimeSpan.FromHours(1));
    private DateTime _lastSweep;

    public string Name => "revoked_token_use";

    public IEnumerable<AlertCandidate> Observe(AccessEvent e)
    {
        if (e.TokenId is not { } token) yield break;
        Sweep(e.Timestamp);
        if (e.EventType == EventTypes.TokenRevoked)
        {
            _revoked.TryAdd(token, (e.Timestamp, e.Seq));
            yield break;
        }
        bool used = e.EventType is EventTypes.TokenValidated or EventTypes.ResourceAccess
                    || (e.EventType == EventTypes.TokenIntrospected && e.Outcome == Outcomes.Success);
        if (!used || !_revoked.TryGetValue(token, out var revoked) || e.Timestamp <= revoked.At) yield break;
        var start = _episodes.StartOf(token, e.Timestamp, e.Timestamp);
        yield return new AlertCandidate(Name, Severities.High, "token", token, start, e.Timestamp, [revoked.Seq, e.Seq],
            $"A token revoked at {revoked.At:u} was {(e.EventType == EventTypes.ResourceAccess ? "used at " + (e.Resource ?? e.Audience ?? "a resource") : "accepted by " + e.Source)} " +
            $"{(e.Timestamp - revoked.At).TotalMinutes:F0} minutes later ({e.Outcome}){(e.Ip is null ? "" : " from " + e.Ip)}.",
            [Controls.Cc62, Controls.Cc72, Controls.A83, Controls.A816]);
    }

    private void Sweep(DateTime now)
    {
        if (now - _lastSweep < TimeSpan.FromHours(1)) return;
        _lastSweep = now;
        foreach (var old in _revoked.Where(kv => now - kv.Value.At > memory).Select(kv => kv.Key).ToList()) _revoked.Remove(old);
    }
}
