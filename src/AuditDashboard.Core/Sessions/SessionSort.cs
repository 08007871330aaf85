namespace AuditDashboard.Core.Sessions;

/// <summary>The sessions list's orders, each descending and backed by an index on the session aggregate.</summary>
public enum SessionSort
{
    LastSeen,
    FirstSeen,
    Events,
    Failures,
}
