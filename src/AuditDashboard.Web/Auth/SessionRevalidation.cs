using AuditDashboard.Core.SignIn;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Web.Auth;

/// <summary>
/// An open page (a Blazor circuit) checks its sign-in every <c>Authentication:RevalidationInterval</c>; once the
/// session has ended (signed out elsewhere, idle, past its lifetime) the page loses its rights and shows sign-in.
/// </summary>
public sealed class SessionRevalidation(ILoggerFactory loggerFactory, DashboardSessionStore store, IOptions<AuthenticationSettings> settings)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => settings.Value.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        StillValidAsync(authenticationState.User, cancellationToken);

    /// <summary>What each revalidation asks: is the user's dashboard session still active?</summary>
    public async Task<bool> StillValidAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.Identity?.IsAuthenticated != true) return true;
        return (await store.CheckAsync(user, settings.Value, activity: false, cancellationToken)).Active;
    }
}
