using System.Security.Claims;
using AuditDashboard.Core.SignIn;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using AuditDashboard.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AuditDashboard.Web.Auth;

public static class AuthRegistration
{
    /// <summary>Cookie sessions for the dashboard; people sign in as <c>Authentication:Mode</c> says.</summary>
    public static WebApplicationBuilder AddDashboardAuthentication(this WebApplicationBuilder builder)
    {
        var environment = builder.Environment.EnvironmentName;
        var configuration = builder.Configuration;
        builder.AddValidatedOptions<AuthenticationSettings>(AuthenticationSettings.Section, s => s.Validate(environment, configuration));
        var settings = configuration.GetSection(AuthenticationSettings.Section).Get<AuthenticationSettings>() ?? new AuthenticationSettings();
        bool development = builder.Environment.IsDevelopment();
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);

        builder.Services.AddSingleton<DashboardAudit>();
        builder.Services.AddSingleton<DashboardSessionStore>();
        builder.Services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        builder.Services.AddScoped<ActionGuard>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, SessionActivity>());
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthorization(Policies.Add);

        if (settings.Mode == AuthenticationSettings.EntraIdMode)
        {
            // Microsoft.Identity.Web: app roles arrive in the "roles" claim.
            builder.Services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(options =>
                {
                    configuration.GetSection("AzureAd").Bind(options);
                    options.TokenValidationParameters.RoleClaimType = "roles";
                    options.Events ??= new OpenIdConnectEvents();
                    AuditRemoteSignIn(options.Events, "entra-id");
                }, cookie => ConfigureCookie(cookie, settings, development));
            // Pages challenge with the cookie (to /login, which then challenges Entra ID), as in the other modes.
            builder.Services.Configure<AuthenticationOptions>(o => o.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme);
            return builder;
        }

        var auth = builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie => ConfigureCookie(cookie, settings, development));
        if (settings.Mode == AuthenticationSettings.OidcMode)
            auth.AddOpenIdConnect(options =>
            {
                ConfigureOidc(options, settings.Oidc);
                if (!development) options.CorrelationCookie.SecurePolicy = options.NonceCookie.SecurePolicy = CookieSecurePolicy.Always;
            });
        return builder;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, AuthenticationSettings settings, bool development)
    {
        // Plain http on 127.0.0.1 only in Development; anywhere else the cookie never travels unencrypted.
        cookie.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        cookie.Cookie.Name = "auditdashboard";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.LoginPath = "/login";
        cookie.LogoutPath = "/logout";
        cookie.AccessDeniedPath = "/denied";
        // The absolute lifetime is the cookie's too; idle time is kept by the server-side session (SessionCookieEvents).
        cookie.ExpireTimeSpan = settings.AbsoluteLifetime;
        cookie.SlidingExpiration = false;
        SessionCookieEvents.Attach(cookie.Events);
        // APIs answer 401/403; pages redirect to sign-in.
        cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void ConfigureOidc(OpenIdConnectOptions options, OidcSettings oidc)
    {
        options.Authority = oidc.Authority;
        options.ClientId = oidc.ClientId;
        options.ClientSecret = oidc.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.SaveTokens = false; // the dashboard never needs the provider's tokens again, so it never keeps them
        options.GetClaimsFromUserInfoEndpoint = true;
        options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        options.MapInboundClaims = false;
        options.Scope.Clear();
        foreach (var scope in oidc.Scopes) options.Scope.Add(scope);
        options.TokenValidationParameters.NameClaimType = "name";
        options.TokenValidationParameters.RoleClaimType = ClaimTypes.Role;
        options.ClaimActions.MapJsonKey(oidc.RoleClaim, oidc.RoleClaim);
        options.Events.OnTokenValidated = context =>
        {
            RoleClaims.Normalize(context.Principal, oidc.RoleClaim);
            return Task.CompletedTask;
        };
        // No id_token is kept to send as id_token_hint, so sign-out names the client instead (RP-Initiated Logout 1.0),
        // which lets the provider return to post_logout_redirect_uri.
        options.Events.OnRedirectToIdentityProviderForSignOut = context =>
        {
            context.ProtocolMessage.ClientId = oidc.ClientId;
            return Task.CompletedTask;
        };
        options.Events.OnUserInformationReceived = context =>
        {
            RoleClaims.AddFromUserInfo(context.Principal, context.User.RootElement, oidc.RoleClaim);
            return Task.CompletedTask;
        };
        AuditRemoteSignIn(options.Events, "oidc");
    }

    private static void AuditRemoteSignIn(OpenIdConnectEvents events, string method)
    {
        var validated = events.OnTicketReceived;
        events.OnTicketReceived = async context =>
        {
            if (validated is not null) await validated(context);
            if (context.Principal is { } principal)
                await context.HttpContext.RequestServices.GetRequiredService<DashboardAudit>().LoginSucceededAsync(context.HttpContext, principal, method);
        };
        var failed = events.OnRemoteFailure;
        events.OnRemoteFailure = async context =>
        {
            await context.HttpContext.RequestServices.GetRequiredService<DashboardAudit>()
                .LoginFailedAsync(context.HttpContext, null, method, context.Failure?.Message ?? "remote sign-in failed");
            if (failed is not null) await failed(context);
            if (!context.Result?.Handled ?? true)
            {
                context.Response.Redirect("/login/failed");
                context.HandleResponse();
            }
        };
    }
}
