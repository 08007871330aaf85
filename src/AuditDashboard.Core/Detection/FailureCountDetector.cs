using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Detection;

/// <summary>
/// The shape shared by brute force and rate-limit storms: events of one kind counted per subject in a sliding
/// window; at the threshold an alert opens, and further events in the episode update it.
/// </summary>
public sealed class FailureCountDetector(
    string name,
    string severity,
    CountThreshold threshold,
    Func<AccessEvent, bool> counts,
    Func<AccessEvent, (string Kind, string Value)?> subject,
    Func<int, TimeSpan, AccessEvent, string> explain,
    IReadOnlyList<string> controls) : IDetector
{
    private readonly SlidingWindow<long> _window = new(threshold.Window);
    private readonly Episodes _episodes = new(threshold.Window);

    public string Name => name;

    public IEnumerable<AlertCandidate> Observe(AccessEvent e)
    {
        if (!counts(e) || subject(e) is not { } s) yield break;
        var recent = _window.Add(s.Kind + ":" + s.Value, e.Timestamp, e.Seq);
        if (recent.Count < threshold.Count) yield break;
        var start = recent.First().At;
        var episode = _episodes.StartOf(s.Kind + ":" + s.Value, start, e.Timestamp);
        yield return new AlertCandidate(name, severity, s.Kind, s.Value, episode, e.Timestamp,
            recent.Select(r => r.Item).ToList(), explain(recent.Count, threshold.Window, e), controls);
    }
}
