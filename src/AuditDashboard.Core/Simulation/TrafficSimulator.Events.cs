using System.Globalization;
using AuditDashboard.Core.Events;
using static AuditDashboard.Core.Simulation.DemoWorld;

namespace AuditDashboard.Core.Simulation;

/// <summary>The simulator's building blocks: tokens and their refresh, API calls, the events themselves and the seeded helpers.</summary>
public sealed partial class TrafficSimulator
{
    private void IssueTokens(DateTime t, User user, App app, SessionState state, string grant, string? parent)
    {
        state.AccessToken = "at-" + Hex(16);
        state.AccessExpires = t.AddMinutes(15);
        var access = Idp(t, EventTypes.TokenIssued, Outcomes.Success, user, app, state);
        access.TokenType = TokenTypes.AccessToken;
        access.TokenId = state.AccessToken;
        access.ParentTokenId = parent;
        access.GrantType = grant;
        access.Scope = app.Scope;
        access.Endpoint = "/protocol/openid-connect/token";
        access.HttpMethod = "POST";
        access.HttpStatus = 200;
        if (parent is null)
        {
            var id = Idp(t, EventTypes.TokenIssued, Outcomes.Success, user, app, state);
            id.TokenType = TokenTypes.IdToken;
            id.TokenId = "id-" + Hex(16);
            id.GrantType = grant;
            id.Endpoint = "/protocol/openid-connect/token";
        }
        if (app.Refresh)
        {
            var rotated = state.RefreshToken;
            state.RefreshToken = "rt-" + Hex(16);
            state.RefreshHistory.Add(state.RefreshToken);
            var refresh = Idp(t, parent is null ? EventTypes.TokenIssued : EventTypes.TokenRefreshed, Outcomes.Success, user, app, state);
            refresh.TokenType = TokenTypes.RefreshToken;
            refresh.TokenId = state.RefreshToken;
            refresh.ParentTokenId = rotated;
            refresh.GrantType = grant;
            refresh.Endpoint = "/protocol/openid-connect/token";
            refresh.HttpMethod = "POST";
            refresh.HttpStatus = 200;
        }
    }

    private void Refresh(DateTime t, User user, App app, SessionState state)
    {
        var expired = Idp(state.AccessExpires, EventTypes.TokenExpired, Outcomes.Success, user, app, state);
        expired.TokenType = TokenTypes.AccessToken;
        expired.TokenId = state.AccessToken;
        IssueTokens(t, user, app, state, "refresh_token", parent: state.RefreshToken);
    }

    /// <summary>A call to a resource server: the token validated there and the access, sharing trace and correlation ids.</summary>
    private void CallApi(DateTime t, User user, App app, SessionState state, string? tokenOverride = null)
    {
        var api = Apis[app.ClientId == "billing-console" ? 1 : _rng.Next(Apis.Length)];
        string trace = Hex(16);
        string correlation = Guid(t);
        bool rejected = tokenOverride is null && _rng.NextDouble() < 0.02;
        var validated = Event(t, rejected ? EventTypes.TokenValidationFailed : EventTypes.TokenValidated, rejected ? Outcomes.Failure : Outcomes.Success, api.Source);
        Subject(validated, user, app, state);
        validated.TokenType = TokenTypes.AccessToken;
        validated.TokenId = tokenOverride ?? state.AccessToken;
        validated.Audience = api.Audience;
        validated.Issuer = Issuer;
        validated.TraceId = trace;
        validated.CorrelationId = correlation;
        if (rejected) validated.Reason = "invalid_token: signature key not found";
        var access = Event(t.AddMilliseconds(2 + _rng.Next(30)), EventTypes.ResourceAccess, rejected ? Outcomes.Failure : Outcomes.Success, api.Source);
        Subject(access, user, app, state);
        access.TokenId = tokenOverride ?? state.AccessToken;
        access.Resource = api.Resource + "/" + _rng.Next(1000, 99999).ToString(CultureInfo.InvariantCulture);
        access.HttpMethod = _rng.NextDouble() < 0.8 ? "GET" : "POST";
        access.HttpStatus = rejected ? 401 : (_rng.NextDouble() < 0.03 ? 403 : 200);
        access.TraceId = trace;
        access.CorrelationId = correlation;
        access.Audience = api.Audience;
        access.Scope = app.Scope;
    }

    private AccessEvent Idp(DateTime t, string type, string outcome, User user, App app, SessionState state)
    {
        var e = Event(t, type, outcome, IdpSource);
        Subject(e, user, app, state);
        e.Issuer = Issuer;
        return e;
    }

    private static void Subject(AccessEvent e, User user, App app, SessionState state)
    {
        e.UserId = user.Id;
        e.Username = user.Name;
        e.ClientId = app.ClientId;
        e.SessionId = state.Id;
        Network(e, state.Ip, state.Place, state.Agent);
        if (state.Scenario is not null) Tag(e, ("scenario", state.Scenario));
    }

    private static void Network(AccessEvent e, string ip, Place place, string agent)
    {
        e.Ip = ip;
        e.UserAgent = agent;
        e.GeoCountry = place.Country;
        e.GeoCity = place.City;
        e.GeoLat = place.Lat;
        e.GeoLon = place.Lon;
        e.GeoAsn = place.Asn;
    }

    private AccessEvent Event(DateTime t, string type, string outcome, string source)
    {
        var e = new AccessEvent
        {
            EventId = Guid(t),
            Timestamp = DateTime.SpecifyKind(t.AddTicks(-(t.Ticks % TimeSpan.TicksPerMillisecond)), DateTimeKind.Utc),
            EventType = type,
            Outcome = outcome,
            Source = source,
        };
        _day.Add(e);
        return e;
    }

    private sealed class SessionState(string id, string ip, Place place, string agent, string? scenario)
    {
        public string Id { get; } = id;
        public string Ip { get; set; } = ip;
        public Place Place { get; set; } = place;
        public string Agent { get; set; } = agent;
        public string? Scenario { get; set; } = scenario;
        public string AccessToken { get; set; } = "";
        public DateTime AccessExpires { get; set; }
        public string? RefreshToken { get; set; }
        public List<string> RefreshHistory { get; } = [];
        public DateTime End { get; set; }
    }

    /// <summary>Adds attributes, keeping those already set (the scenario label above all).</summary>
    private static void Tag(AccessEvent e, params (string Key, string Value)[] pairs)
    {
        var all = e.Attributes is null
            ? new Dictionary<string, string>()
            : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(e.Attributes)!;
        foreach (var (key, value) in pairs) all[key] = value;
        e.Attributes = System.Text.Json.JsonSerializer.Serialize(all, CompactJson.Options);
    }

    private string Hex(int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        _rng.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }

    /// <summary>A UUIDv7-shaped id: time-ordered prefix, random rest (from the seeded generator).</summary>
    private string Guid(DateTime t)
    {
        long ms = (long)(t - DateTime.UnixEpoch).TotalMilliseconds;
        var hex = ms.ToString("x12", CultureInfo.InvariantCulture) + Hex(10);
        return $"{hex[..8]}-{hex[8..12]}-7{hex[13..16]}-{hex[16..20]}-{hex[20..32]}";
    }

    private T Pick<T>(T[] items) => items[_rng.Next(items.Length)];

    private string IpIn(Place place) =>
        string.Create(CultureInfo.InvariantCulture, $"{place.IpPrefix}.{_rng.Next(1, 255)}.{_rng.Next(1, 255)}");

    private double Normal(double mean, double sd)
    {
        double u1 = 1.0 - _rng.NextDouble(), u2 = _rng.NextDouble();
        return mean + sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Sin(2.0 * Math.PI * u2);
    }
}
