using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using AuditDashboard.Web.Hosting;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Web.Auth;

public static class LoginEndpoints
{
    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        app.MapPost("/login/development", DevelopmentLogin).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        app.MapPost("/logout", Logout).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    /// <summary>Starts sign-in: the Development page, or the identity provider.</summary>
    private static IResult Login(string? returnUrl, IOptions<AuthenticationSettings> settings)
    {
        var target = ReturnUrls.Safe(returnUrl);
        if (settings.Value.Mode == AuthenticationSettings.DevelopmentMode)
            return Results.Redirect("/login/development?returnUrl=" + Uri.EscapeDataString(target));
        return Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [OpenIdConnectDefaults.AuthenticationScheme]);
    }

    /// <summary>The Development sign-in form posts here; refused unless the mode is Development (which only the Development environment allows).</summary>
    private static async Task<IResult> DevelopmentLogin(
        HttpContext http, [FromForm] string? username, [FromForm] string? role, [FromForm] string? returnUrl,
        IOptions<AuthenticationSettings> settings, IHostEnvironment environment, DashboardAudit audit)
    {
        if (settings.Value.Mode != AuthenticationSettings.DevelopmentMode || !environment.IsDevelopment())
            return Results.NotFound();
        var target = ReturnUrls.Safe(returnUrl);
        username = username?.Trim();
        if (string.IsNullOrEmpty(username) || username.Length > 64 || role is null || !Roles.All.Contains(role))
        {
            await audit.LoginFailedAsync(http, username is { Length: <= 64 } ? username : null, "development", "a user name (1 to 64 characters) and a known role are required");
            return Results.Redirect($"/login/development?error=invalid&returnUrl={Uri.EscapeDataString(target)}");
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "dev:" + username),
            new Claim(ClaimTypes.Name, username),
            new Claim(ClaimTypes.Role, role),
            new Claim("auth_method", "development"),
        ], CookieAuthenticationDefaults.AuthenticationScheme);
        var principal = new ClaimsPrincipal(identity);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        await audit.LoginSucceededAsync(http, principal, "development");
        return Results.Redirect(target);
    }

    /// <summary>Ends the dashboard's cookie and, for a provider sign-in, the provider's session too.</summary>
    private static async Task<IResult> Logout(HttpContext http, IOptions<AuthenticationSettings> settings, DashboardAudit audit, IAntiforgery antiforgery)
    {
        // A cross-site form must not be able to sign anyone out: the token is checked here (no form fields are bound).
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.BadRequest("The sign-out form has expired; reload the page and sign out again.");
        if (http.User.Identity?.IsAuthenticated == true)
            await audit.LogoutAsync(http, http.User);
        if (settings.Value.Mode == AuthenticationSettings.DevelopmentMode)
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/signed-out");
        }
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/signed-out" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
    }
}
