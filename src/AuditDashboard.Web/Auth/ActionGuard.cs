using System.Security.Claims;
using AuditDashboard.Core.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Web.Auth;

/// <summary>
/// Checked by a page right before it changes anything (triage, a report, an import): the user's role must meet the
/// named policy, and the sign-in must still be active at that moment, not only at the last revalidation. When the
/// sign-in has ended, the page loses its rights at once.
/// </summary>
public sealed class ActionGuard(AuthenticationStateProvider authentication, IAuthorizationService authorization, DashboardSessionStore store,
    IOptions<AuthenticationSettings> settings)
{
    public const string Ended = "Your sign-in has ended (signed out, idle or past its lifetime); sign in again to continue. Nothing was changed.";

    /// <summary>Null when the user may act under <paramref name="policy"/>; otherwise why not (nothing is to be changed).</summary>
    public async Task<string?> RefusalAsync(string policy)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (!(await authorization.AuthorizeAsync(user, policy)).Succeeded)
            return $"Your role does not allow this ({policy} policy). Nothing was changed.";
        var check = await store.CheckAsync(user, settings.Value, activity: true);
        if (check.Active) return null;
        if (authentication is ServerAuthenticationStateProvider server)
            server.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        return Ended;
    }
}
