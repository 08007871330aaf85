using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Detection;

/// <summary>
/// First sign-in from a new country for a user, once the user's learning period is over (a number of days or
/// of sign-ins, whichever comes first, as Entra ID's atypical-travel learning does).
/// </summary>
public sealed class NewCountryDetector(TimeSpan learningPeriod, int learningSignIns) : IDetector
{
    private readonly Dictionary<string, (DateTime FirstSeen, int SignIns, HashSet<string> Countries)> _users = new(StringComparer.Ordinal);

    public string Name => "new_country";

    public IEnumerable<AlertCandidate> Observe(AccessEvent e)
    {
        if (e.EventType != EventTypes.LoginSuccess || (e.UserId ?? e.Username) is not { } user || e.GeoCountry is not { } stored) yield break;
        var country = AuditDashboard.Core.Geo.Countries.Normalize(stored); // "Germany" from an older import and "DE" are one country
        if (!_users.TryGetValue(user, out var known))
        {
            _users[user] = (e.Timestamp, 1, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { country });
            yield break;
        }
        bool learned = e.Timestamp - known.FirstSeen >= learningPeriod || known.SignIns >= learningSignIns;
        if (learned && !known.Countries.Contains(country))
        {
            yield return new AlertCandidate(Name, Severities.Medium, "user", user, e.Timestamp, e.Timestamp, [e.Seq],
                $"{e.Username ?? user} signed in from {country} for the first time (known: {string.Join(", ", known.Countries.Order())}).",
                [Controls.Cc66, Controls.A85, Controls.A816]);
        }
        known.Countries.Add(country);
        _users[user] = (known.FirstSeen, known.SignIns + 1, known.Countries);
    }
}
