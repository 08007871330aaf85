using System.Globalization;
using AuditDashboard.Core.Events;
using static AuditDashboard.Core.Simulation.DemoWorld;

namespace AuditDashboard.Core.Simulation;

/// <summary>
/// Generates realistic OIDC traffic for a population of users over a period, day by day in time order,
/// with labelled attack scenarios (attributes.scenario). Deterministic: same options, same events.
/// </summary>
public sealed partial class TrafficSimulator
{
    private sealed record User(string Id, string Name, Place Home, string Browser, string Mobile, bool Admin, string HomeIp);

    private readonly SimulationOptions _options;
    private readonly Random _rng;
    private readonly DateTime _start;
    private readonly DateTime _end;
    private readonly List<User> _users = [];
    private readonly HashSet<string> _consented = [];
    private List<AccessEvent> _day = [];
    private string _signingKid;

    public TrafficSimulator(SimulationOptions options, DateTime end)
    {
        _options = options;
        _rng = new Random(options.Seed);
        // Whole days, the last one cut at the end: nothing is generated at or after the end (no events from the future).
        _end = end;
        _start = (end == end.Date ? end : end.Date.AddDays(1)).AddDays(-options.Days);
        _signingKid = Hex(8);
        for (int i = 0; i < options.Users; i++)
        {
            var first = FirstNames[_rng.Next(FirstNames.Length)];
            var last = LastNames[_rng.Next(LastNames.Length)];
            var home = Offices[_rng.Next(Offices.Length)];
            _users.Add(new User(
                Id: "u-" + Hex(12),
                Name: $"{first}.{last}{(i >= FirstNames.Length ? i.ToString(CultureInfo.InvariantCulture) : "")}@acme.example",
                Home: home,
                Browser: Pick(BrowserAgents),
                Mobile: Pick(MobileAgents),
                Admin: i % 12 == 0,
                HomeIp: IpIn(home)));
        }
    }

    public DateTime Start => _start;

    /// <summary>All events of the period, in timestamp order.</summary>
    public IEnumerable<AccessEvent> Generate() => GenerateDays().TakeWhile(e => e.Timestamp < _end);

    private IEnumerable<AccessEvent> GenerateDays()
    {
        var dormant = _users[^1];
        if (_options.Attacks)
        {
            // The dormant account's last sign-in, long before the period.
            _day = [];
            Session(dormant, Apps[0], _start.AddDays(-120).AddHours(10), TimeSpan.FromMinutes(20), null);
            foreach (var e in Sorted(_day)) yield return e;
        }

        // Sessions run past midnight: what belongs to a later day waits for it, so the stream stays in time order.
        var carried = new List<AccessEvent>();
        for (int d = 0; d < _options.Days; d++)
        {
            _day = carried;
            var day = _start.AddDays(d);
            Housekeeping(day, d);
            bool weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            foreach (var user in _users)
            {
                if (_options.Attacks && user == dormant) continue;
                if (_rng.NextDouble() > (weekend ? 0.15 : 0.8)) continue;
                int sessions = 1 + (_rng.NextDouble() < 0.35 ? 1 : 0) + (_rng.NextDouble() < 0.1 ? 1 : 0);
                for (int s = 0; s < sessions; s++)
                {
                    double localHour = Math.Clamp(Normal(12.5, 2.8), 6, 22);
                    var at = AtLocal(day, localHour, user.Home).AddSeconds(_rng.Next(3600));
                    var app = user.Admin && _rng.NextDouble() < 0.25 ? AdminConsole : Apps[_rng.Next(Apps.Length)];
                    var length = TimeSpan.FromMinutes(Math.Clamp(Normal(70, 50), 3, 480));
                    Session(user, app, at, length, null);
                }
            }
            if (_options.Attacks) InjectAttacks(d, day);
            var next = day.AddDays(1);
            bool last = d == _options.Days - 1;
            foreach (var e in Sorted(_day.Where(e => last || e.Timestamp < next))) yield return e;
            carried = last ? [] : _day.Where(e => e.Timestamp >= next).ToList();
        }
    }

    /// <summary>A local hour of a place, as a time within the given UTC day (the day's rhythm wraps around).</summary>
    private static DateTime AtLocal(DateTime day, double localHour, Place place) =>
        day.AddHours(((localHour - place.UtcOffset) % 24 + 24) % 24);

    private static IEnumerable<AccessEvent> Sorted(IEnumerable<AccessEvent> events) =>
        events.Select((e, i) => (e, i)).OrderBy(x => x.e.Timestamp).ThenBy(x => x.i).Select(x => x.e).ToList();

    /// <summary>Discovery fetches, a weekly signing-key rotation, occasional admin changes.</summary>
    private void Housekeeping(DateTime day, int d)
    {
        foreach (var api in Apis)
        {
            var e = Event(day.AddHours(_rng.Next(24)).AddSeconds(_rng.Next(3600)), EventTypes.ProviderMetadata, Outcomes.Success, api.Source);
            e.Endpoint = "/.well-known/openid-configuration";
            e.HttpMethod = "GET";
            e.HttpStatus = 200;
            e.Issuer = Issuer;
            Tag(e, ("action", "discovery_fetched"), ("kid", _signingKid));
        }
        if (d % 7 == 3)
        {
            var previous = _signingKid;
            _signingKid = Hex(8);
            var e = Event(day.AddHours(2).AddMinutes(_rng.Next(60)), EventTypes.ProviderMetadata, Outcomes.Success, IdpSource);
            e.Issuer = Issuer;
            e.Endpoint = "/protocol/openid-connect/certs";
            Tag(e, ("action", "signing_key_rotated"), ("kid", _signingKid), ("previous_kid", previous), ("alg", "RS256"));
        }
        if (_rng.NextDouble() < 0.35)
        {
            var admin = _users[0];
            var target = _users[1 + _rng.Next(_users.Count - 2)];
            var at = AtLocal(day, 9 + _rng.Next(8), admin.Home).AddSeconds(_rng.Next(3600));
            bool scope = _rng.NextDouble() < 0.5;
            var e = Event(at, scope ? EventTypes.ScopeChanged : EventTypes.RoleChanged, Outcomes.Success, IdpSource);
            e.UserId = target.Id;
            e.Username = target.Name;
            e.ClientId = AdminConsole.ClientId;
            if (scope)
            {
                e.Scope = "openid profile orders:read reports:read";
                Tag(e, ("changed_by", admin.Name), ("added", "reports:read"));
            }
            else
            {
                e.Roles = """["user","reports-viewer"]""";
                Tag(e, ("changed_by", admin.Name), ("added", "reports-viewer"), ("ticket", "CHG-" + _rng.Next(1000, 9999).ToString(CultureInfo.InvariantCulture)));
            }
            Network(e, admin.HomeIp, admin.Home, admin.Browser);
        }
    }

    /// <summary>One sign-in session: authorize, sign-in (sometimes a failed attempt and MFA), tokens,
    /// API calls with validations and refresh rotations, then logout or expiry.</summary>
    private SessionState Session(User user, App app, DateTime at, TimeSpan length, string? scenario, Action<SessionState>? midway = null)
    {
        string agent = app.UserAgentKind == "mobile" ? user.Mobile : user.Browser;
        string ip = _rng.NextDouble() < 0.15 ? IpIn(user.Home) : user.HomeIp;
        var state = new SessionState(Hex(16), ip, user.Home, agent, scenario);
        var t = at;
        string correlation = Guid(t);

        var authz = Idp(t, EventTypes.AuthorizationRequest, Outcomes.Success, user, app, state);
        authz.Endpoint = "/protocol/openid-connect/auth";
        authz.HttpMethod = "GET";
        authz.HttpStatus = 302;
        authz.SessionId = null;
        authz.CorrelationId = correlation;
        authz.Scope = app.Scope;

        if (_rng.NextDouble() < 0.06)
        {
            t = t.AddSeconds(5 + _rng.Next(20));
            var fail = Idp(t, EventTypes.LoginFailure, Outcomes.Failure, user, app, state);
            fail.Reason = "invalid_user_credentials";
            fail.SessionId = null;
            fail.CorrelationId = correlation;
        }
        t = t.AddSeconds(4 + _rng.Next(25));
        bool mfa = user.Admin || app == AdminConsole || _rng.NextDouble() < 0.3;
        if (mfa)
        {
            var challenge = Idp(t, EventTypes.MfaChallenge, Outcomes.Unknown, user, app, state);
            challenge.CorrelationId = correlation;
            Tag(challenge, ("method", "push"));
            t = t.AddSeconds(3 + _rng.Next(15));
            Idp(t, EventTypes.MfaSuccess, Outcomes.Success, user, app, state).CorrelationId = correlation;
        }
        var login = Idp(t, EventTypes.LoginSuccess, Outcomes.Success, user, app, state);
        login.CorrelationId = correlation;
        login.Roles = user.Admin ? """["user","admin"]""" : """["user"]""";
        Tag(login, ("auth_method", mfa ? "pwd+otp" : "pwd"));

        if (_consented.Add(user.Id + app.ClientId))
        {
            var consent = Idp(t.AddSeconds(2), EventTypes.ConsentGranted, Outcomes.Success, user, app, state);
            consent.Scope = app.Scope;
        }

        t = t.AddSeconds(1);
        var code = Idp(t, EventTypes.TokenIssued, Outcomes.Success, user, app, state);
        code.TokenType = TokenTypes.AuthorizationCode;
        code.TokenId = "code-" + Hex(12);
        code.Endpoint = "/protocol/openid-connect/auth";
        t = t.AddMilliseconds(300 + _rng.Next(900));
        IssueTokens(t, user, app, state, "authorization_code", parent: null);

        var end = at + length;
        var half = at + length / 2;
        var next = t.AddMinutes(1 + _rng.Next(6));
        while (next < end)
        {
            if (midway is not null && next >= half)
            {
                midway(state);
                midway = null;
            }
            if (next >= state.AccessExpires)
            {
                if (!app.Refresh) break;
                Refresh(next, user, app, state);
            }
            CallApi(next, user, app, state);
            next = next.AddMinutes(2 + _rng.Next(14)).AddSeconds(_rng.Next(60));
        }

        if (_rng.NextDouble() < 0.5)
        {
            var logout = Idp(end, EventTypes.Logout, Outcomes.Success, user, app, state);
            logout.Endpoint = "/protocol/openid-connect/logout";
            if (state.RefreshToken is not null)
            {
                var revoke = Idp(end.AddMilliseconds(40), EventTypes.TokenRevoked, Outcomes.Success, user, app, state);
                revoke.TokenType = TokenTypes.RefreshToken;
                revoke.TokenId = state.RefreshToken;
                revoke.Reason = "logout";
                revoke.Endpoint = "/protocol/openid-connect/revoke";
            }
        }
        else
        {
            var expired = Idp(state.AccessExpires, EventTypes.TokenExpired, Outcomes.Success, user, app, state);
            expired.TokenType = TokenTypes.AccessToken;
            expired.TokenId = state.AccessToken;
        }
        state.End = end;
        return state;
    }
}
