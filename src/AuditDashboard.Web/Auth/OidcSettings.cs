namespace AuditDashboard.Web.Auth;

/// <summary><c>Authentication:Oidc</c>: any OpenID Connect provider (Keycloak, Okta, Auth0…), code flow with PKCE.</summary>
public sealed class OidcSettings
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>The claim that carries the dashboard roles (Keycloak: a mapper's claim name, Okta: groups…).</summary>
    public string RoleClaim { get; set; } = "roles";
    public string[] Scopes { get; set; } = ["openid", "profile", "email"];
    /// <summary>Only for a provider on 127.0.0.1 in development and tests.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
