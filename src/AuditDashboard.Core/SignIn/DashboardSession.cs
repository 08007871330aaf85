namespace AuditDashboard.Core.SignIn;

/// <summary>
/// One sign-in to the dashboard, kept server-side so that signing out, an idle timeout or the absolute lifetime
/// ends it for every copy of its cookie and every open page. Only the SHA-256 of the session id is stored.
/// </summary>
public sealed class DashboardSession
{
    public string IdHash { get; set; } = "";
    public string UserName { get; set; } = "";
    /// <summary>The dashboard roles the sign-in carried, sorted and comma-separated.</summary>
    public string Roles { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime? EndedAt { get; set; }
    /// <summary>signed_out, idle, absolute_lifetime, roles_changed.</summary>
    public string? EndReason { get; set; }
}
