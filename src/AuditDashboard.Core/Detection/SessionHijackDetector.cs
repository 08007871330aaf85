using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Detection;

/// <summary>
/// Session hijack: one session continued from another network (ASN) and another user agent, or from another
/// country, while it is still active (within the idle limit of its last event).
/// </summary>
public sealed class SessionHijackDetector(TimeSpan idleLimit) : IDetector
{
    private readonly Dictionary<string, (DateTime Last, long Seq, long? Asn, string? Agent, string? Country)> _first = new(StringComparer.Ordinal);
    private readonly Episodes _episodes = new(idleLimit);
    private DateTime _lastSweep;

    public string Name => "session_hijack";

    public IEnumerable<AlertCandidate> Observe(AccessEvent e)
    {
        if (e.SessionId is not { } session || (e.GeoAsn is null && e.UserAgent is null && e.GeoCountry is null)) yield break;
        Sweep(e.Timestamp);
        if (!_first.TryGetValue(session, out var first) || e.Timestamp - first.Last > idleLimit)
        {
            _first[session] = (e.Timestamp, e.Seq, e.GeoAsn, e.UserAgent, e.GeoCountry is null ? null : AuditDashboard.Core.Geo.Countries.Normalize(e.GeoCountry));
            yield break;
        }
        _first[session] = first with { Last = e.Timestamp };
        bool otherNetwork = e.GeoAsn is not null && first.Asn is not null && e.GeoAsn != first.Asn;
        bool otherAgent = e.UserAgent is not null && first.Agent is not null && e.UserAgent != first.Agent;
        var country = e.GeoCountry is null ? null : AuditDashboard.Core.Geo.Countries.Normalize(e.GeoCountry);
        bool otherCountry = country is not null && first.Country is not null && country != first.Country;
        if (!((otherNetwork && otherAgent) || otherCountry)) yield break;
        var start = _episodes.StartOf(session, e.Timestamp, e.Timestamp);
        var what = new List<string>();
        if (otherNetwork) what.Add($"network AS{first.Asn} → AS{e.GeoAsn}");
        if (otherCountry) what.Add($"country {first.Country} → {country}");
        if (otherAgent) what.Add("a different user agent");
        yield return new AlertCandidate(Name, Severities.High, "session", session, start, e.Timestamp, [first.Seq, e.Seq],
            $"Session of {e.Username ?? e.UserId ?? "an unknown user"} continued from {string.Join(", ", what)}{(e.Ip is null ? "" : " (" + e.Ip + ")")}.",
            [Controls.Cc61, Controls.Cc72, Controls.A85, Controls.A816]);
    }

    private void Sweep(DateTime now)
    {
        if (now - _lastSweep < idleLimit) return;
        _lastSweep = now;
        foreach (var old in _first.Where(kv => now - kv.Value.Last > idleLimit).Select(kv => kv.Key).ToList()) _first.Remove(old);
    }
}
