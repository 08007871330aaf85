using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Events;

namespace AuditDashboard.Tests.Detection;

public sealed class MoreDetectorTests
{
    private static readonly DateTime T0 = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
    private long _seq;

    private AccessEvent SignIn(double minutesAfter, string? city, double? lat, double? lon, string country = "DE", string user = "u-1") => new()
    {
        Seq = ++_seq, EventId = "e" + _seq, Timestamp = T0.AddMinutes(minutesAfter), EventType = EventTypes.LoginSuccess, Outcome = Outcomes.Success,
        Source = "test", UserId = user, GeoCity = city, GeoLat = lat, GeoLon = lon, GeoCountry = country,
    };

    private static IDetector Detector(string name, DetectionOptions? options = null) =>
        Detectors.Create(options ?? new DetectionOptions()).Single(d => d.Name == name);

    private static List<AlertCandidate> Run(IDetector d, params AccessEvent[] events) => events.SelectMany(d.Observe).ToList();

    [Fact]
    public void Impossible_travel_fires_above_the_speed_and_not_below_it()
    {
        // Berlin → New York (6,385 km): 6 hours is 1,064 km/h, 8 hours is 798 km/h.
        var fast = Run(Detector("impossible_travel"), SignIn(0, "Berlin", 52.52, 13.405), SignIn(360, "New York", 40.7128, -74.006, "US"));
        Assert.Contains("6385 km", Assert.Single(fast).Explanation);
        Assert.Empty(Run(Detector("impossible_travel"), SignIn(0, "Berlin", 52.52, 13.405), SignIn(480, "New York", 40.7128, -74.006, "US")));
    }

    [Fact]
    public void Impossible_travel_ignores_unknown_or_country_only_places_and_short_hops()
    {
        Assert.Empty(Run(Detector("impossible_travel"), SignIn(0, "Berlin", 52.52, 13.405), SignIn(10, null, null, null, "US")));
        Assert.Empty(Run(Detector("impossible_travel"), SignIn(0, "Berlin", 52.52, 13.405), SignIn(10, null, 40.7, -74.0, "US")));
        // Berlin → Potsdam, 27 km in a minute: fast, but not travel.
        Assert.Empty(Run(Detector("impossible_travel"), SignIn(0, "Berlin", 52.52, 13.405), SignIn(1, "Potsdam", 52.39, 13.06)));
    }

    [Fact]
    public void Impossible_travel_survives_clock_skew_and_out_of_order_events()
    {
        // Same instant at two places far apart (clock skew between sources): a gap under a minute counts as a minute.
        Assert.Single(Run(Detector("impossible_travel"), SignIn(0, "Berlin", 52.52, 13.405), SignIn(0, "Tokyo", 35.67, 139.65, "JP")));
        // An older event arriving late neither alerts against the newer one nor replaces it.
        var d = Detector("impossible_travel");
        Assert.Empty(Run(d, SignIn(600, "Berlin", 52.52, 13.405), SignIn(0, "Tokyo", 35.67, 139.65, "JP"), SignIn(1200, "Berlin", 52.52, 13.405)));
    }

    [Fact]
    public void A_session_continued_from_another_network_and_agent_is_a_hijack_and_a_new_ip_alone_is_not()
    {
        AccessEvent S(double minutes, long asn, string agent, string country = "DE") => new()
        {
            Seq = ++_seq, EventId = "s" + _seq, Timestamp = T0.AddMinutes(minutes), EventType = EventTypes.TokenValidated, Outcome = Outcomes.Success,
            Source = "test", SessionId = "sid-1", GeoAsn = asn, UserAgent = agent, GeoCountry = country, Ip = "198.51.100." + _seq,
        };
        Assert.Empty(Run(Detector("session_hijack"), S(0, 3320, "Firefox"), S(10, 3320, "Firefox"), S(20, 16509, "Firefox")));
        Assert.Single(Run(Detector("session_hijack"), S(0, 3320, "Firefox"), S(10, 16509, "python-requests/2.32")));
        Assert.Single(Run(Detector("session_hijack"), S(0, 3320, "Firefox"), S(10, 3320, "Firefox", "NG")));
        // After the idle limit the session id is a new stretch of activity.
        Assert.Empty(Run(Detector("session_hijack"), S(0, 3320, "Firefox"), S(600, 16509, "curl/8")));
    }

    [Fact]
    public void Granting_a_privileged_role_or_scope_is_escalation_and_other_grants_are_not()
    {
        AccessEvent Change(string type, string? roles, string? scope) => new()
        {
            Seq = ++_seq, EventId = "c" + _seq, Timestamp = T0, EventType = type, Outcome = Outcomes.Success, Source = "test", UserId = "u-2", Roles = roles, Scope = scope,
        };
        Assert.Empty(Run(Detector("privilege_escalation"), Change(EventTypes.RoleChanged, """["user","reports-viewer"]""", null)));
        Assert.Single(Run(Detector("privilege_escalation"), Change(EventTypes.RoleChanged, """["user","Admin"]""", null)));
        Assert.Single(Run(Detector("privilege_escalation"), Change(EventTypes.ScopeChanged, null, "openid admin")));
        Assert.Empty(Run(Detector("privilege_escalation"), Change(EventTypes.LoginSuccess, """["admin"]""", null)));
    }

    [Fact]
    public void Dormant_accounts_wake_after_the_inactivity_period_and_not_a_day_before()
    {
        Assert.Single(Run(Detector("dormant_account_reactivation"), SignIn(0, "Berlin", 52.52, 13.405), SignIn(TimeSpan.FromDays(90).TotalMinutes, "Berlin", 52.52, 13.405)));
        Assert.Empty(Run(Detector("dormant_account_reactivation"), SignIn(0, "Berlin", 52.52, 13.405), SignIn(TimeSpan.FromDays(89).TotalMinutes, "Berlin", 52.52, 13.405)));
    }

    [Fact]
    public void A_new_country_alerts_only_after_the_learning_period()
    {
        var d = Detector("new_country", new DetectionOptions { NewCountryLearningDays = 14, NewCountryLearningSignIns = 10 });
        var learning = Enumerable.Range(0, 3).Select(i => SignIn(i * 60, "Berlin", 52.52, 13.405)).Append(SignIn(300, "Paris", 48.85, 2.35, "FR"));
        Assert.Empty(Run(d, learning.ToArray()));
        var later = SignIn(TimeSpan.FromDays(20).TotalMinutes, "Lagos", 6.52, 3.37, "NG");
        Assert.Contains("NG for the first time (known: DE, FR)", Assert.Single(Run(d, later)).Explanation);
        Assert.Empty(Run(d, SignIn(TimeSpan.FromDays(21).TotalMinutes, "Lagos", 6.52, 3.37, "NG")));
    }

    [Fact]
    public void Credential_stuffing_needs_many_accounts_many_ips_and_a_high_failure_ratio()
    {
        AccessEvent Try(int i, int accounts, int ips, bool ok = false) => new()
        {
            Seq = ++_seq, EventId = "t" + _seq, Timestamp = T0.AddSeconds(i * 20), EventType = ok ? EventTypes.LoginSuccess : EventTypes.LoginFailure,
            Outcome = ok ? Outcomes.Success : Outcomes.Failure, Source = "test", ClientId = "web", Username = $"user{i % accounts}", Ip = $"203.0.113.{i % ips}",
        };
        Assert.NotEmpty(Run(Detector("credential_stuffing"), Enumerable.Range(0, 40).Select(i => Try(i, 25, 12)).ToArray()));
        Assert.Empty(Run(Detector("credential_stuffing"), Enumerable.Range(0, 40).Select(i => Try(i, 25, 9)).ToArray()));
        Assert.Empty(Run(Detector("credential_stuffing"), Enumerable.Range(0, 40).Select(i => Try(i, 19, 12)).ToArray()));
        // Mostly successful traffic with the same spread of failures is not stuffing.
        var mixed = Enumerable.Range(0, 160).Select(i => Try(i, 25, 12, ok: i % 4 != 0)).ToArray();
        Assert.Empty(Run(Detector("credential_stuffing"), mixed));
    }
}
