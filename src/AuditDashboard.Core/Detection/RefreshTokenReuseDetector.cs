using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Detection;

/// <summary>
/// Refresh-token reuse: a refresh token that was already rotated (it is the parent of an earlier refresh)
/// is presented again (OAuth 2.0 Security BCP: the whole token family is compromised).
/// </summary>
public sealed class RefreshTokenReuseDetector(TimeSpan memory) : IDetector
{
    private readonly Dictionary<string, (DateTime At, long Seq)> _rotated = new(StringComparer.Ordinal);
    private DateTime _lastSweep;

    public string Name => "refresh_token_reuse";

    public IEnumerable<AlertCandidate> Observe(AccessEvent e)
    {
        if (e.EventType != EventTypes.TokenRefreshed || e.ParentTokenId is not { } parent) yield break;
        Sweep(e.Timestamp);
        if (_rotated.TryGetValue(parent, out var first))
        {
            var who = e.Username ?? e.UserId ?? "an unknown user";
            yield return new AlertCandidate(Name, Severities.Critical, "token", parent, first.At, e.Timestamp, [first.Seq, e.Seq],
                $"Refresh token {Short(parent)} of {who} was rotated at {first.At:u} and presented again at {e.Timestamp:u}{(e.Ip is null ? "" : " from " + e.Ip)}.",
                [Controls.Cc61, Controls.Cc72, Controls.A517, Controls.A85]);
            yield break;
        }
        _rotated[parent] = (e.Timestamp, e.Seq);
    }

    private void Sweep(DateTime now)
    {
        if (now - _lastSweep < TimeSpan.FromHours(1)) return;
        _lastSweep = now;
        foreach (var old in _rotated.Where(kv => now - kv.Value.At > memory).Select(kv => kv.Key).ToList()) _rotated.Remove(old);
    }

    private static string Short(string id) => id.Length <= 12 ? id : id[..12] + "…";
}
