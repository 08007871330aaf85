using System.Text.Json;
using AuditDashboard.Core.Events;

namespace AuditDashboard.Tests.Import;

/// <summary>Every vendor sample imports into the expected canonical events, asserted field by field.</summary>
public sealed class SampleImportTests
{
    private static JsonElement Attributes(AccessEvent e) => JsonDocument.Parse(e.Attributes!).RootElement;

    [Fact]
    public async Task Okta_system_log()
    {
        var (result, events, store) = await ImportFixture.ImportAsync("okta", "okta_systemlog.json");
        await using var _ = store;
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal((5, 5, 0), (result.Records, result.Accepted, result.Duplicates));
        Assert.Equal(["login_success", "rate_limited", "login_success", "authorization_request", "logout"], events.Select(e => e.EventType));

        var start = events[0];
        Assert.Equal(("okta", "f1d0b993-cc19-11ed-a688-db22c99ef6c4", ImportFixture.Utc("2023-03-26T21:05:32.159Z")), (start.Source, start.EventId, start.Timestamp));
        Assert.Equal(("success", "00uz9fj5aT69fHVro1d6", "admin@okta.com"), (start.Outcome, start.UserId, start.Username));
        Assert.Equal(("idxyNcxVX2ESsSL0u462548Qg", "ZCCzm8j2wTvzwele2NwLnwAADSc"), (start.SessionId, start.CorrelationId));
        // Okta writes the country's name; it is stored as its ISO code, and the name kept.
        Assert.Equal(("142.126.158.61", "CA", "Toronto", 43.6567, -79.34), (start.Ip, start.GeoCountry, start.GeoCity, start.GeoLat, start.GeoLon));
        Assert.Equal("Canada", Attributes(start).GetProperty("geo_country_original").GetString());
        Assert.Equal("0oaz9fj21WKqTeaqs1d6", start.ClientId);
        Assert.StartsWith("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)", start.UserAgent);
        Assert.Equal("/idp/idx/identify", start.Endpoint);
        Assert.Equal("user.session.start", Attributes(start).GetProperty("vendor_event_type").GetString());
        // Nothing is lost: the whole LogEvent is kept, its quirks included ("zone": "null").
        Assert.Equal("null", Attributes(start).GetProperty("original").GetProperty("client").GetProperty("zone").GetString());

        var limit = events[1];
        Assert.Equal(("failure", "Too many enrollment attempts for SMS factor", "reqS9xgtpvOTcukX8Yu-SLRDQ"), (limit.Outcome, limit.Reason, limit.CorrelationId));
        var policy = events[3];
        Assert.Equal(("success", "Sign-on policy evaluation resulted in ALLOW"), (policy.Outcome, policy.Reason));
        Assert.Equal(events[2].SessionId, policy.SessionId);
        Assert.Equal(events[2].CorrelationId, policy.CorrelationId);
        var end = events[4];
        Assert.Equal(("logout", "success", "102nZHzd6OHSfGG51vsoc22gw", "username@elastic.co"), (end.EventType, end.Outcome, end.SessionId, end.Username));
    }

    [Fact]
    public async Task Auth0_log_stream()
    {
        var (result, events, store) = await ImportFixture.ImportAsync("auth0", "auth0_logs.json");
        await using var _ = store;
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(["login_failure", "login_failure", "login_success", "login_success", "token_issued"], events.Select(e => e.EventType));

        var failed = events[0];
        Assert.Equal(("auth0", "90020211103030609732115389415260839021644201259064885298", ImportFixture.Utc("2021-11-03T03:06:05.696Z")), (failed.Source, failed.EventId, failed.Timestamp));
        Assert.Equal(("failure", "unauthorized_client", "aI61p8I8aFjmYRliLWgvM9ev97kCCNDB", "81.2.69.143"), (failed.Outcome, failed.Reason, failed.ClientId, failed.Ip));
        Assert.Equal("f", Attributes(failed).GetProperty("vendor_event_type").GetString());
        var unknownUser = events[1];
        Assert.Equal(("invalid_username", "neo@gmail.com"), (unknownUser.Reason, unknownUser.Username));
        var success = events[2];
        Assert.Equal(("success", "auth0|6182002f34f4dd006b05b5c7", "saikiran@test.com"), (success.Outcome, success.UserId, success.Username));
        Assert.Equal("1TAd-7tsPYzxWudzqfHYXN0e6q1D0GSc", success.SessionId);
        Assert.Equal(success.SessionId, events[3].SessionId);
        var exchange = events[4];
        Assert.Equal(("token_issued", "success", "authorization_code", "dev@test.com"), (exchange.EventType, exchange.Outcome, exchange.GrantType, exchange.Username));
        Assert.Equal("seacft", Attributes(exchange).GetProperty("vendor_event_type").GetString());
    }

    [Fact]
    public async Task Keycloak_user_events()
    {
        var (result, events, store) = await ImportFixture.ImportAsync("keycloak", "keycloak_user_events.json");
        await using var _ = store;
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal((3, 4), (result.Records, result.Accepted));
        Assert.Equal(["login_success", "token_issued", "login_success", "logout"], events.Select(e => e.EventType));
        var login = events[0];
        Assert.Equal(("keycloak:a9cbb114-34bf-44d1-a398-354813798345", "f6531ec5-7f53-4922-9ab0-89523f582718"), (login.Source, login.EventId));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1791118938709).UtcDateTime, login.Timestamp);
        Assert.Equal(("4937d6f3-ae29-441d-bdd0-d9cc38d89632", "alice", "probe-web", "3waUbJt8sH2Bm2NMP6kuM3N_", "192.168.215.1"),
            (login.UserId, login.Username, login.ClientId, login.SessionId, login.Ip));
        Assert.Equal(("password", "openid profile email"), (login.GrantType, login.Scope));
        // The direct-grant LOGIN issued tokens too: a second event carries the token id.
        var issued = events[1];
        Assert.Equal(("f6531ec5-7f53-4922-9ab0-89523f582718:token", "<TOKEN_ID>", "access_token"), (issued.EventId, issued.TokenId, issued.TokenType));
        Assert.Equal("<REFRESH_TOKEN_ID>", Attributes(issued).GetProperty("refresh_token_id").GetString());
        Assert.Equal(("logout", "obAPenAJy-AxMWjt2yYhnDAJ"), (events[3].EventType, events[3].SessionId));
    }

    [Fact]
    public async Task Keycloak_admin_and_listener_events()
    {
        var (admin, adminEvents, store) = await ImportFixture.ImportAsync("keycloak", "keycloak_admin_events.json");
        await using var _ = store;
        Assert.True(admin.Succeeded, string.Join("; ", admin.Errors));
        Assert.All(adminEvents, e => Assert.Equal(("admin_action", "success"), (e.EventType, e.Outcome)));
        var disabled = adminEvents[1];
        Assert.Equal(("9c933e91-cf01-4599-9a25-d4def71134f2", "a13e42f8-3833-47a1-a7fa-6b5e833a3b42", "users/11820801-d8ed-4d84-956f-d350b3c714fa"),
            (disabled.UserId, disabled.ClientId, disabled.Resource));
        Assert.Equal(("UPDATE", "USER", "{\"enabled\":false}"), (Attributes(disabled).GetProperty("operation_type").GetString(),
            Attributes(disabled).GetProperty("resource_type").GetString(), Attributes(disabled).GetProperty("representation").GetString()));
        Assert.Null(adminEvents[2].Username);
        Assert.Equal("erin", Attributes(adminEvents[2]).GetProperty("target_username").GetString());

        var (listener, listenerEvents, store2) = await ImportFixture.ImportAsync("keycloak", "keycloak_listener_events.json");
        await using var __ = store2;
        Assert.True(listener.Succeeded, string.Join("; ", listener.Errors));
        var refresh = listenerEvents[0];
        Assert.Equal(("token_refreshed", "keycloak:uds", "refresh_token"), (refresh.EventType, refresh.Source, refresh.GrantType));
        // The refresh token presented is the parent of the one issued in its place.
        Assert.Equal(("49344dc5-66bc-c1d3-0d9f-3b282c70ff54", "d3319e43-be42-fc6a-5da4-f43966277c6e"), (refresh.TokenId, refresh.ParentTokenId));
        Assert.Equal(("c3be023a-8e3d-4d84-a745-413ff3565f06", "test-client"), (refresh.SessionId, refresh.ClientId));
        Assert.Equal(("admin_action", "ADMIN UPDATE CLIENT"), (listenerEvents[1].EventType, Attributes(listenerEvents[1]).GetProperty("vendor_event_type").GetString()));
    }

    [Fact]
    public async Task Entra_graph_sign_ins_with_the_published_trailing_comma()
    {
        var (result, events, store) = await ImportFixture.ImportAsync("entra", "graph_signins_v1_doc_example.json.txt");
        await using var _ = store;
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var e = Assert.Single(events);
        Assert.Equal(("entra", "66ea54eb-6301-4ee5-be62-ff5a759b0100", "login_success", "success"), (e.Source, e.EventId, e.EventType, e.Outcome));
        Assert.Equal(ImportFixture.Utc("2020-03-13T19:15:41.6195833Z"), e.Timestamp);
        Assert.Equal(("26be570a-ae82-4189-b4e2-a37c6808512d", "testaccount1@contoso.com", "de8bc8b5-d9f9-48b1-a8ad-b748da725064"), (e.UserId, e.Username, e.ClientId));
        Assert.Equal(("d79f5bee-5860-4832-928f-3133e22ae912", "00000003-0000-0000-c000-000000000000", "131.107.159.37"), (e.CorrelationId, e.Audience, e.Ip));
        Assert.Equal(("US", "Redmond", 47.6805, -122.120941), (e.GeoCountry, e.GeoCity, e.GeoLat, e.GeoLon));
        Assert.Equal("Graph explorer", Attributes(e).GetProperty("app_display_name").GetString());
    }

    [Fact]
    public async Task Entra_diagnostic_export_keeps_both_categories()
    {
        var (result, events, store) = await ImportFixture.ImportAsync("entra", "azure_signinlogs_diagnostic.ndjson");
        await using var _ = store;
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal((2, 2, 0), (result.Records, result.Accepted, result.Duplicates));
        Assert.Equal(["SignInLogs", "NonInteractiveUserSignInLogs"], events.Select(e => Attributes(e).GetProperty("vendor_event_type").GetString()));
        var e = events[0];
        Assert.Equal(("login_failure", "failure", "entra:8a4de8b5-095c-47d0-a96f-a75130c61d53"), (e.EventType, e.Outcome, e.Source));
        Assert.Equal("AADSTS50140: This error occurred due to 'Keep me signed in' interrupt when the user was signing-in.", e.Reason);
        Assert.Equal(("test@elastic.co", "81.2.69.144", "FR", "Champs-Sur-Marne"), (e.Username, e.Ip, e.GeoCountry, e.GeoCity));
    }

    [Fact]
    public async Task Ocsf_authentication_with_time_in_seconds()
    {
        var (result, events, store) = await ImportFixture.ImportAsync("ocsf", "ocsf_authentication.json");
        await using var _ = store;
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var e = Assert.Single(events);
        Assert.Equal(("ocsf:Okta", "dc9fd3c0-598c-11ef-8478-2b7584bf8d5a", "login_success", "success"), (e.Source, e.EventId, e.EventType, e.Outcome));
        // time is 1723564700: seconds, though OCSF specifies milliseconds; time_dt agrees.
        Assert.Equal(ImportFixture.Utc("2024-08-13T15:58:20Z"), e.Timestamp);
        Assert.Equal(("00uttidj01jqL21aM1d6", "john.doe@example.com", "idxBager62CSveUkTxvgRtonA", "10.0.0.1"), (e.UserId, e.Username, e.SessionId, e.Ip));
        Assert.Equal(("US", "New York", 40.3157, -74.01, 394089L), (e.GeoCountry, e.GeoCity, e.GeoLat, e.GeoLon, e.GeoAsn));
        Assert.Equal("/idp/idx/authenticators/poll", e.Endpoint);
    }

    [Fact]
    public async Task Cef_lines_with_their_escaping_and_trailing_whitespace()
    {
        var (result, events, store) = await ImportFixture.ImportAsync("cef", "cef_samples.txt");
        await using var _ = store;
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(["resource_access", "authorization_request", "authorization_request", "authorization_request"], events.Select(e => e.EventType));
        var web = events[0];
        Assert.Equal(("cef:Elastic/Vaporware", "3457", "POST", "https://www.example.com/cart", "89.160.20.156"), (web.Source, web.EventId, web.HttpMethod, web.Resource, web.Ip));
        Assert.Equal((38.915, -77.511), (web.GeoLat, web.GeoLon));
        var auth = events[1];
        Assert.Equal(("unknown", "alice", "123"), (auth.Outcome, auth.Username, auth.EventId));
        Assert.Equal("bob", Attributes(auth).GetProperty("extension").GetProperty("suser").GetString());
        Assert.Equal("root", Attributes(events[2]).GetProperty("destination_privileges").GetString());
        // Trailing whitespace is not part of the last value.
        Assert.Equal("192.168.3.4", events[3].Ip);
        Assert.Equal("This event is padded with whitespace", Attributes(events[3]).GetProperty("extension").GetProperty("message").GetString());
        Assert.StartsWith("sha256:", events[2].EventId);
    }
}
