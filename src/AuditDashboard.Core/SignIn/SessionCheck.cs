namespace AuditDashboard.Core.SignIn;

/// <summary>Whether a dashboard session may still act, and if not why (signed_out, idle, absolute_lifetime, unknown).</summary>
public sealed record SessionCheck(bool Active, string? EndReason)
{
    public static readonly SessionCheck Valid = new(true, null);
}
