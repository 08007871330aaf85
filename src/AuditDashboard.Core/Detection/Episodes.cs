namespace AuditDashboard.Core.Detection;

/// <summary>
/// Turns "threshold crossed again" into one ongoing episode per subject: an episode lasts while the condition
/// keeps recurring within the quiet gap, and its start names the alert.
/// </summary>
public sealed class Episodes(TimeSpan quietGap)
{
    private readonly Dictionary<string, (DateTime Start, DateTime Last)> _open = new(StringComparer.Ordinal);

    public DateTime StartOf(string subject, DateTime windowStart, DateTime at)
    {
        if (_open.TryGetValue(subject, out var episode) && at - episode.Last <= quietGap)
        {
            _open[subject] = (episode.Start, at);
            return episode.Start;
        }
        _open[subject] = (windowStart, at);
        if (_open.Count > 10_000)
        {
            foreach (var stale in _open.Where(kv => at - kv.Value.Last > quietGap).Select(kv => kv.Key).ToList()) _open.Remove(stale);
        }
        return windowStart;
    }
}
