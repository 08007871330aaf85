using AuditDashboard.Core.Events;
using AuditDashboard.Core.Sessions;

namespace AuditDashboard.Tests.Sessions;

public sealed class SessionChangesTests
{
    private static readonly DateTime T0 = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140", Server = "Microsoft ASP.NET Core OpenIdConnect handler";
    private long _seq;

    private AccessEvent E(string source, string type, string ip, string agent) => new()
    {
        Seq = ++_seq, EventId = "e" + _seq, Timestamp = T0.AddSeconds(_seq), EventType = type, Outcome = Outcomes.Success,
        Source = source, SessionId = "sid-1", Ip = ip, UserAgent = agent,
    };

    [Fact]
    public void A_confidential_clients_back_channel_calls_and_an_apis_caller_are_not_changes_of_the_users_device()
    {
        List<AccessEvent> session =
        [
            E("idp", EventTypes.AuthorizationRequest, "198.51.100.7", Browser),
            E("idp", EventTypes.TokenIssued, "10.0.0.5", Server),        // the shop's server redeems the code
            E("shop", EventTypes.LoginSuccess, "198.51.100.7", Browser),
            E("idp", EventTypes.TokenRefreshed, "10.0.0.5", Server),
            E("api", EventTypes.TokenValidated, "10.0.0.5", "orders-client/1.0"),
            E("shop", EventTypes.ResourceAccess, "198.51.100.7", Browser),
            E("idp", EventTypes.Logout, "198.51.100.7", Browser),
        ];
        Assert.Empty(SessionQueries.Changes(session));
    }

    [Fact]
    public void The_same_source_seeing_another_network_or_device_on_the_same_channel_is_a_change()
    {
        var login = E("idp", EventTypes.LoginSuccess, "198.51.100.7", Browser);
        var code = E("idp", EventTypes.TokenIssued, "10.0.0.5", Server);
        var stolenRefresh = E("idp", EventTypes.TokenRefreshed, "203.0.113.9", "python-requests/2.32");
        var hijack = E("idp", EventTypes.AuthorizationRequest, "203.0.113.9", Browser);
        var changes = SessionQueries.Changes([login, code, stolenRefresh, hijack]);
        Assert.Equal("IP 10.0.0.5 → 203.0.113.9, user agent changed", changes[stolenRefresh.Seq]);
        Assert.Equal("IP 198.51.100.7 → 203.0.113.9", changes[hijack.Seq]);
        Assert.Equal(2, changes.Count);
    }
}
