using AuditDashboard.Core.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Web.Auth;

/// <summary>
/// Ties the dashboard cookie to a server-side session: every sign-in starts one (its id travels in the cookie),
/// every request checks it, sign-out ends it. A cookie replayed after sign-out, idle timeout or the absolute
/// lifetime is rejected.
/// </summary>
public static class SessionCookieEvents
{
    public const string ClaimType = "dashboard_session";

    public static void Attach(CookieAuthenticationEvents events)
    {
        events.OnSigningIn = async context =>
        {
            var store = context.HttpContext.RequestServices.GetRequiredService<DashboardSessionStore>();
            if (context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity)
            {
                foreach (var old in identity.FindAll(ClaimType).ToList()) identity.RemoveClaim(old);
                var roles = identity.FindAll(identity.RoleClaimType).Select(c => c.Value);
                identity.AddClaim(new System.Security.Claims.Claim(ClaimType, await store.StartAsync(identity.Name ?? "(unnamed)", roles)));
            }
        };
        events.OnValidatePrincipal = async context =>
        {
            var settings = context.HttpContext.RequestServices.GetRequiredService<IOptions<AuthenticationSettings>>().Value;
            var store = context.HttpContext.RequestServices.GetRequiredService<DashboardSessionStore>();
            var check = await store.CheckAsync(context.Principal, settings, activity: true);
            if (!check.Active)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            }
        };
        events.OnSigningOut = async context =>
        {
            var store = context.HttpContext.RequestServices.GetRequiredService<DashboardSessionStore>();
            await store.EndAsync(context.HttpContext.User.FindFirst(ClaimType)?.Value, DashboardSessionStore.SignedOut);
        };
    }
}
