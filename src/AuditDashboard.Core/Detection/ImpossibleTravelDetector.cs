using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Detection;

/// <summary>
/// Impossible travel: two consecutive successful sign-ins of one user whose distance over time implies a speed
/// above the threshold. Pairs where either place is unknown or only known to the country are ignored.
/// </summary>
public sealed class ImpossibleTravelDetector(TravelThreshold threshold) : IDetector
{
    private readonly Dictionary<string, (DateTime At, long Seq, double Lat, double Lon, string Place)> _last = new(StringComparer.Ordinal);

    public string Name => "impossible_travel";

    public IEnumerable<AlertCandidate> Observe(AccessEvent e)
    {
        if (e.EventType != EventTypes.LoginSuccess || (e.UserId ?? e.Username) is not { } user) yield break;
        if (e.GeoLat is not { } lat || e.GeoLon is not { } lon || e.GeoCity is null) yield break;
        var place = $"{e.GeoCity}, {e.GeoCountry}";
        if (_last.TryGetValue(user, out var previous) && e.Timestamp >= previous.At)
        {
            double km = Geo.DistanceKm(previous.Lat, previous.Lon, lat, lon);
            // Clock skew between sources: a gap under a minute counts as a minute.
            double hours = Math.Max((e.Timestamp - previous.At).TotalHours, 1.0 / 60);
            double speed = km / hours;
            if (km >= threshold.MinDistanceKm && speed > threshold.MaxSpeedKmh)
            {
                yield return new AlertCandidate(Name, Severities.High, "user", user, previous.At, e.Timestamp, [previous.Seq, e.Seq],
                    $"{e.Username ?? user} signed in from {previous.Place} and {(e.Timestamp - previous.At).TotalMinutes:F0} minutes later from {place}: " +
                    $"{km:F0} km, {speed:F0} km/h (threshold {threshold.MaxSpeedKmh} km/h).",
                    [Controls.Cc66, Controls.Cc72, Controls.A85, Controls.A816]);
            }
        }
        if (!_last.TryGetValue(user, out var kept) || e.Timestamp >= kept.At)
            _last[user] = (e.Timestamp, e.Seq, lat, lon, place);
    }
}
