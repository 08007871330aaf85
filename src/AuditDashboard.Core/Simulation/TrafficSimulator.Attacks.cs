using AuditDashboard.Core.Events;
using static AuditDashboard.Core.Simulation.DemoWorld;

namespace AuditDashboard.Core.Simulation;

/// <summary>The labelled attack scenarios, one per scheduled day, each shaped like the real thing.</summary>
public sealed partial class TrafficSimulator
{
    private void InjectAttacks(int d, DateTime day)
    {
        int count = Scenarios.All.Count;
        for (int k = 0; k < count; k++)
        {
            var name = Scenarios.All[k];
            int scheduled = name == Scenarios.DormantAccountReactivation
                ? Math.Max(0, _options.Days - 2)
                : Math.Min(_options.Days - 1, (int)((k + 1) * (double)_options.Days / (count + 1)));
            if (scheduled != d) continue;
            var at = day.AddHours(1 + k * 2 % 20).AddMinutes(_rng.Next(50));
            switch (name)
            {
                case Scenarios.PasswordSpray: PasswordSpray(at); break;
                case Scenarios.BruteForce: BruteForce(at); break;
                case Scenarios.CredentialStuffing: CredentialStuffing(at); break;
                case Scenarios.ImpossibleTravel: ImpossibleTravel(at); break;
                case Scenarios.RefreshTokenReuse: RefreshTokenReuse(at); break;
                case Scenarios.RevokedTokenUse: RevokedTokenUse(at); break;
                case Scenarios.SessionHijack: SessionHijack(at); break;
                case Scenarios.PrivilegeEscalation: PrivilegeEscalation(at); break;
                case Scenarios.MfaFatigue: MfaFatigue(at); break;
                case Scenarios.RateLimitStorm: RateLimitStorm(at); break;
                case Scenarios.DormantAccountReactivation: Session(_users[^1], Apps[0], at, TimeSpan.FromMinutes(25), name); break;
            }
        }
    }

    private User Victim(int salt) => _users[1 + (salt * 7 + _options.Seed) % (_users.Count - 2)];

    /// <summary>One IP, many accounts, one or two tries each.</summary>
    private void PasswordSpray(DateTime at)
    {
        var place = Hostile[0];
        string ip = IpIn(place);
        int accounts = Math.Min(30, _users.Count);
        for (int i = 0; i < accounts; i++)
        {
            var user = _users[i];
            int tries = 1 + (_rng.NextDouble() < 0.3 ? 1 : 0);
            for (int t = 0; t < tries; t++)
                AttackFailure(at.AddSeconds(i * 50 + t * 7 + _rng.Next(5)), user.Name, user.Id, place, ip, ToolAgents[0], "invalid_user_credentials", Scenarios.PasswordSpray);
        }
    }

    /// <summary>One account hammered from one IP until it locks.</summary>
    private void BruteForce(DateTime at)
    {
        var user = Victim(1);
        var place = Hostile[1];
        string ip = IpIn(place);
        for (int i = 0; i < 40; i++)
            AttackFailure(at.AddSeconds(i * 15 + _rng.Next(10)), user.Name, user.Id, place, ip, ToolAgents[1],
                i < 35 ? "invalid_user_credentials" : "user_temporarily_disabled", Scenarios.BruteForce);
    }

    /// <summary>Leaked credentials tried across many accounts from many IPs; a few succeed.</summary>
    private void CredentialStuffing(DateTime at)
    {
        for (int i = 0; i < 90; i++)
        {
            var place = Hostile[_rng.Next(Hostile.Length)];
            string ip = IpIn(place);
            var t = at.AddSeconds(i * 20 + _rng.Next(15));
            bool known = i % 3 == 0;
            var user = _users[i % _users.Count];
            string username = known ? user.Name : $"{Pick(FirstNames)}{_rng.Next(10, 99)}@mail.example";
            if (known && i % 27 == 0)
            {
                var app = Apps[0];
                var state = new SessionState(Hex(16), ip, place, ToolAgents[2], Scenarios.CredentialStuffing);
                var login = Idp(t, EventTypes.LoginSuccess, Outcomes.Success, user, app, state);
                login.Roles = """["user"]""";
                IssueTokens(t.AddSeconds(1), user, app, state, "authorization_code", parent: null);
                continue;
            }
            AttackFailure(t, username, known ? user.Id : null, place, ip, ToolAgents[2],
                known ? "invalid_user_credentials" : "user_not_found", Scenarios.CredentialStuffing);
        }
    }

    /// <summary>A normal sign-in at home, then one 40 minutes later from another continent.</summary>
    private void ImpossibleTravel(DateTime at)
    {
        var user = Victim(2);
        Session(user, Apps[0], at, TimeSpan.FromMinutes(20), null);
        var far = Offices.OrderByDescending(p => Distance(p, user.Home)).First();
        var state = Session(user, Apps[1], at.AddMinutes(40), TimeSpan.FromMinutes(15), Scenarios.ImpossibleTravel);
        foreach (var e in _day.Where(e => e.SessionId == state.Id)) Network(e, IpIn(far), far, user.Mobile);
    }

    /// <summary>A rotated refresh token presented again, from somewhere else, after its successor was issued.</summary>
    private void RefreshTokenReuse(DateTime at)
    {
        var user = Victim(3);
        var app = Apps[1];
        var state = Session(user, app, at, TimeSpan.FromMinutes(50), null);
        var stolen = state.RefreshHistory[0];
        var place = Hostile[3];
        var thief = new SessionState(state.Id, IpIn(place), place, ToolAgents[0], Scenarios.RefreshTokenReuse);
        var reuse = Idp(state.End.AddMinutes(5), EventTypes.TokenRefreshed, Outcomes.Success, user, app, thief);
        reuse.TokenType = TokenTypes.RefreshToken;
        reuse.TokenId = "rt-" + Hex(16);
        reuse.ParentTokenId = stolen;
        reuse.GrantType = "refresh_token";
        reuse.Endpoint = "/protocol/openid-connect/token";
        reuse.HttpMethod = "POST";
        reuse.HttpStatus = 200;
    }

    /// <summary>An access token revoked, then presented to an API afterwards.</summary>
    private void RevokedTokenUse(DateTime at)
    {
        var user = Victim(4);
        var app = Apps[0];
        var state = Session(user, app, at, TimeSpan.FromMinutes(6), null);
        var revoked = state.AccessToken;
        var revoke = Idp(state.End.AddSeconds(1), EventTypes.TokenRevoked, Outcomes.Success, user, app, state);
        revoke.TokenType = TokenTypes.AccessToken;
        revoke.TokenId = revoked;
        revoke.Reason = "revoked_by_admin";
        revoke.Endpoint = "/protocol/openid-connect/revoke";
        var place = Hostile[4];
        var attacker = new SessionState(state.Id, IpIn(place), place, ToolAgents[1], Scenarios.RevokedTokenUse);
        for (int i = 0; i < 3; i++)
            CallApi(state.End.AddMinutes(4 + i * 2), user, app, attacker, tokenOverride: revoked);
    }

    /// <summary>A live session continued from another network and device.</summary>
    private void SessionHijack(DateTime at)
    {
        var user = Victim(5);
        var place = Hostile[2];
        Session(user, Apps[0], at, TimeSpan.FromMinutes(90), null, midway: state =>
        {
            state.Ip = IpIn(place);
            state.Place = place;
            state.Agent = ToolAgents[0];
            state.Scenario = Scenarios.SessionHijack;
        });
    }

    /// <summary>A normal user grants themself the admin role, then uses the admin console.</summary>
    private void PrivilegeEscalation(DateTime at)
    {
        var user = Victim(6);
        var state = new SessionState(Hex(16), user.HomeIp, user.Home, user.Browser, Scenarios.PrivilegeEscalation);
        var change = Idp(at, EventTypes.RoleChanged, Outcomes.Success, user, AdminConsole, state);
        change.Roles = """["user","admin"]""";
        change.SessionId = null;
        Tag(change, ("changed_by", user.Name), ("added", "admin"));
        var elevated = user with { Admin = true };
        Session(elevated, AdminConsole, at.AddMinutes(3), TimeSpan.FromMinutes(12), Scenarios.PrivilegeEscalation);
    }

    /// <summary>Push after push denied or ignored, until the user gives in.</summary>
    private void MfaFatigue(DateTime at)
    {
        var user = Victim(7);
        var place = Hostile[5];
        var app = Apps[0];
        var state = new SessionState(Hex(16), IpIn(place), place, ToolAgents[0], Scenarios.MfaFatigue);
        var t = at;
        for (int i = 0; i < 14; i++)
        {
            var challenge = Idp(t, EventTypes.MfaChallenge, Outcomes.Unknown, user, app, state);
            Tag(challenge, ("method", "push"));
            t = t.AddSeconds(20 + _rng.Next(40));
            var denied = Idp(t, EventTypes.MfaFailure, Outcomes.Failure, user, app, state);
            denied.Reason = i % 3 == 0 ? "push_timeout" : "push_denied";
            t = t.AddSeconds(5 + _rng.Next(10));
        }
        Idp(t, EventTypes.MfaChallenge, Outcomes.Unknown, user, app, state);
        Idp(t.AddSeconds(9), EventTypes.MfaSuccess, Outcomes.Success, user, app, state);
        Idp(t.AddSeconds(10), EventTypes.LoginSuccess, Outcomes.Success, user, app, state).Roles = """["user"]""";
        IssueTokens(t.AddSeconds(11), user, app, state, "authorization_code", parent: null);
    }

    /// <summary>A client hammering the token endpoint far past its rate limit.</summary>
    private void RateLimitStorm(DateTime at)
    {
        var place = Hostile[1];
        string ip = IpIn(place);
        for (int i = 0; i < 250; i++)
        {
            var e = Event(at.AddMilliseconds(i * 1100 + _rng.Next(500)), EventTypes.RateLimited, Outcomes.Failure, IdpSource);
            e.ClientId = "reporting-service";
            e.Endpoint = "/protocol/openid-connect/token";
            e.HttpMethod = "POST";
            e.HttpStatus = 429;
            e.GrantType = "client_credentials";
            e.Reason = "rate_limit_exceeded";
            e.Issuer = Issuer;
            Network(e, ip, place, ToolAgents[2]);
            Tag(e, ("scenario", Scenarios.RateLimitStorm), ("limit", "100/min"));
        }
    }

    private void AttackFailure(DateTime t, string username, string? userId, Place place, string ip, string agent, string reason, string scenario)
    {
        var authz = Event(t, EventTypes.AuthorizationRequest, Outcomes.Success, IdpSource);
        authz.ClientId = Apps[0].ClientId;
        authz.Endpoint = "/protocol/openid-connect/auth";
        authz.Issuer = Issuer;
        Network(authz, ip, place, agent);
        Tag(authz, ("scenario", scenario));
        var e = Event(t.AddMilliseconds(400 + _rng.Next(800)), EventTypes.LoginFailure, Outcomes.Failure, IdpSource);
        e.Username = username;
        e.UserId = userId;
        e.ClientId = Apps[0].ClientId;
        e.Reason = reason;
        e.Issuer = Issuer;
        Network(e, ip, place, agent);
        Tag(e, ("scenario", scenario));
    }

    private static double Distance(Place a, Place b)
    {
        static double Rad(double deg) => deg * Math.PI / 180;
        double dLat = Rad(b.Lat - a.Lat), dLon = Rad(b.Lon - a.Lon);
        double h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(a.Lat)) * Math.Cos(Rad(b.Lat)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * 6371 * Math.Asin(Math.Sqrt(h));
    }
}
