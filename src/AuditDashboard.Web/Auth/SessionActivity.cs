using AuditDashboard.Core.SignIn;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Web.Auth;

/// <summary>
/// Working in an open page sends no HTTP requests, so the circuit's own inbound activity (clicks, typing) is what
/// keeps its sign-in from going idle; recorded at most every 30 seconds.
/// </summary>
public sealed class SessionActivity(AuthenticationStateProvider authentication, DashboardSessionStore store, IOptions<AuthenticationSettings> settings, TimeProvider clock)
    : CircuitHandler
{
    private DateTimeOffset _recorded;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) => async context =>
    {
        var now = clock.GetUtcNow();
        if (now - _recorded >= TimeSpan.FromSeconds(30))
        {
            _recorded = now;
            var user = (await authentication.GetAuthenticationStateAsync()).User;
            if (user.Identity?.IsAuthenticated == true) await store.CheckAsync(user, settings.Value, activity: true);
        }
        await next(context);
    };
}
