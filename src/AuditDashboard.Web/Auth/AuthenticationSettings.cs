namespace AuditDashboard.Web.Auth;

/// <summary>Configuration section <c>Authentication</c>: how people sign in to the dashboard.</summary>
public sealed class AuthenticationSettings
{
    public const string Section = "Authentication";
    public const string DevelopmentMode = "Development";
    public const string OidcMode = "Oidc";
    public const string EntraIdMode = "EntraId";

    /// <summary><c>Development</c> (a local page, Development environment only), <c>Oidc</c> or <c>EntraId</c>.</summary>
    public string Mode { get; set; } = DevelopmentMode;

    public OidcSettings Oidc { get; set; } = new();

    /// <summary>A sign-in ends this long after it began, whatever the activity.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A sign-in ends after this long without a request or an interaction with an open page.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often an open page checks that its sign-in is still active (it also checks before every change it makes).</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<string> Validate(string environmentName, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        if (AbsoluteLifetime < TimeSpan.FromMinutes(5) || AbsoluteLifetime > TimeSpan.FromDays(7))
            yield return "Authentication:AbsoluteLifetime must be from 00:05:00 to 7.00:00:00.";
        if (IdleTimeout < TimeSpan.FromMinutes(1) || IdleTimeout > AbsoluteLifetime)
            yield return "Authentication:IdleTimeout must be at least 00:01:00 and no longer than Authentication:AbsoluteLifetime.";
        if (RevalidationInterval < TimeSpan.FromSeconds(1) || RevalidationInterval > IdleTimeout)
            yield return "Authentication:RevalidationInterval must be at least 00:00:01 and no longer than Authentication:IdleTimeout.";
        switch (Mode)
        {
            case DevelopmentMode:
                if (environmentName != "Development")
                    yield return $"Authentication:Mode is 'Development', which lets anyone pick a user and a role; it is accepted only in the Development environment, and this one is '{environmentName}'. Configure 'Oidc' or 'EntraId'.";
                break;
            case OidcMode:
                if (string.IsNullOrWhiteSpace(Oidc.Authority)) yield return "Authentication:Oidc:Authority is required for Mode 'Oidc'.";
                else if (!Uri.TryCreate(Oidc.Authority, UriKind.Absolute, out var authority)) yield return "Authentication:Oidc:Authority must be an absolute URL.";
                else if (Oidc.RequireHttpsMetadata && authority.Scheme != Uri.UriSchemeHttps)
                    yield return "Authentication:Oidc:Authority must use https (Authentication:Oidc:RequireHttpsMetadata=false is only for a provider on 127.0.0.1 in development).";
                else if (!Oidc.RequireHttpsMetadata && !authority.IsLoopback)
                    yield return $"Authentication:Oidc:RequireHttpsMetadata=false is accepted only for a provider on this machine (127.0.0.1, ::1, localhost), not {authority.Host}.";
                if (string.IsNullOrWhiteSpace(Oidc.ClientId)) yield return "Authentication:Oidc:ClientId is required for Mode 'Oidc'.";
                if (string.IsNullOrWhiteSpace(Oidc.RoleClaim)) yield return "Authentication:Oidc:RoleClaim must name the claim that carries roles.";
                break;
            case EntraIdMode:
                if (string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"])) yield return "AzureAd:ClientId is required for Mode 'EntraId'.";
                if (string.IsNullOrWhiteSpace(configuration["AzureAd:TenantId"])) yield return "AzureAd:TenantId is required for Mode 'EntraId'.";
                break;
            default:
                yield return $"Authentication:Mode '{Mode}' is not supported; use '{DevelopmentMode}', '{OidcMode}' or '{EntraIdMode}'.";
                break;
        }
    }
}
