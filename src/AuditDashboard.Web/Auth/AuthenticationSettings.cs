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

    public IEnumerable<string> Validate(string environmentName, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
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
