using System.Net;
using AuditDashboard.Web.Auth;
using Microsoft.AspNetCore.HttpOverrides;

namespace AuditDashboard.Web.Hosting;

/// <summary>
/// What every answer carries, and what production adds: HTTPS redirection and HSTS outside Development, forwarded
/// headers believed only from configured proxies, and a Content-Security-Policy that allows the dashboard's own
/// scripts (Blazor Server, MudBlazor, time.js) and nothing else.
/// </summary>
public static class SecurityHeaders
{
    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<HostingSettings>(HostingSettings.Section, s => s.Validate());
        var hosting = builder.Configuration.GetSection(HostingSettings.Section).Get<HostingSettings>() ?? new HostingSettings();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in hosting.KnownProxies) if (IPAddress.TryParse(proxy, out var address)) o.KnownProxies.Add(address);
            foreach (var network in hosting.KnownNetworks) if (System.Net.IPNetwork.TryParse(network, out var block)) o.KnownIPNetworks.Add(block);
        });
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(hosting.HstsMaxAgeDays);
            o.IncludeSubDomains = true;
        });
        return builder;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        var policy = ContentSecurityPolicy(app.Configuration);
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            headers.XFrameOptions = "DENY";
            return next(http);
        });
        return app;
    }

    /// <summary>
    /// MudBlazor sets inline styles, so styles allow 'unsafe-inline'; scripts do not. Sign-out is a form whose answer
    /// redirects to the identity provider, so form-action names the provider's origin.
    /// </summary>
    public static string ContentSecurityPolicy(IConfiguration configuration)
    {
        var formTargets = "'self'";
        var mode = configuration["Authentication:Mode"];
        var provider = mode == AuthenticationSettings.OidcMode ? configuration["Authentication:Oidc:Authority"]
            : mode == AuthenticationSettings.EntraIdMode ? configuration["AzureAd:Instance"] ?? "https://login.microsoftonline.com/" : null;
        if (Uri.TryCreate(provider, UriKind.Absolute, out var uri)) formTargets += " " + uri.GetLeftPart(UriPartial.Authority);
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + $"connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action {formTargets}";
    }
}
