using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Detection;

/// <summary>
/// Refresh-token reuse: a refresh token that was already rotated (it is the parent of an earlier refresh)
/// is presented again (OAuth 2.0 Security BCP: the whole token family is compromised).
/// One refresh returns a new access token and often a new refresh token, each reported as its own event, and the
/// provider and the client may both report it: so a presentation is counted per source, and events of a token type
/// not yet seen for it within <see cref="SameRefresh"/> of the first belong to that same refresh.
/// </summary>
public sealed class RefreshTokenReuseDetector(TimeSpan memory) : IDetector
{
    public static readonly TimeSpan SameRefresh = TimeSpan.FromSeconds(10);

    private readonly Dictionary<(string Parent, string Source), (DateTime At, long Seq, HashSet<string?> Types)> _rotated = new();
    private DateTime _lastSweep;

    public string Name => "refresh_token_reuse";

    public IEnumerable<AlertCandidate> Observe(AccessEvent e)
    {
        if (e.EventType != EventTypes.TokenRefreshed || e.ParentTokenId is not { } parent) yield break;
        Sweep(e.Timestamp);
        if (_rotated.TryGetValue((parent, e.Source), out var first))
        {
            if (e.Outcome == Outcomes.Success && e.TokenType is not null && e.Timestamp - first.At <= SameRefresh && first.Types.Add(e.TokenType)) yield break;
            var who = e.Username ?? e.UserId ?? "an unknown user";
            yield return new AlertCandidate(Name, Severities.Critical, "token", parent, first.At, e.Timestamp, [first.Seq, e.Seq],
                $"Refresh token {Short(parent)} of {who} was rotated at {first.At:u} and presented again at {e.Timestamp:u}{(e.Ip is null ? "" : " from " + e.Ip)}.",
                [Controls.Cc61, Controls.Cc72, Controls.A517, Controls.A85]);
            yield break;
        }
        // Only a refresh that succeeded rotated its parent; a failed attempt may be retried.
        if (e.Outcome == Outcomes.Success) _rotated[(parent, e.Source)] = (e.Timestamp, e.Seq, [e.TokenType]);
    }

    private void Sweep(DateTime now)
    {
        if (now - _lastSweep < TimeSpan.FromHours(1)) return;
        _lastSweep = now;
        foreach (var old in _rotated.Where(kv => now - kv.Value.At > memory).Select(kv => kv.Key).ToList()) _rotated.Remove(old);
    }

    private static string Short(string id) => id.Length <= 12 ? id : id[..12] + "…";
}
