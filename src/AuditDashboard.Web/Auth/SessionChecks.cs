using System.Security.Claims;
using AuditDashboard.Core.SignIn;

namespace AuditDashboard.Web.Auth;

/// <summary>A principal's dashboard session checked with the configured lifetimes: the one call every check makes.</summary>
public static class SessionChecks
{
    public static Task<SessionCheck> CheckAsync(this DashboardSessionStore store, ClaimsPrincipal? user, AuthenticationSettings settings, bool activity,
        CancellationToken cancellationToken = default) =>
        store.CheckAsync(user?.FindFirst(SessionCookieEvents.ClaimType)?.Value, settings.IdleTimeout, settings.AbsoluteLifetime, activity, cancellationToken);
}
