namespace AuditDashboard.Core.Coordination;

/// <summary>
/// One element of the ASP.NET Core Data Protection key ring (a key or a revocation, as XML), kept in the store so every
/// instance decrypts the cookies and antiforgery tokens the others issue. Written once, never changed.
/// </summary>
public sealed class ProtectionKey
{
    public long Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
    public DateTime StoredAt { get; set; }
}
