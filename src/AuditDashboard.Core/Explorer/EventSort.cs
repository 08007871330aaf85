namespace AuditDashboard.Core.Explorer;

/// <summary>The explorer's orders: both walk the same (timestamp, seq) keyset and the same indexes, in either direction.</summary>
public enum EventSort
{
    Newest,
    Oldest,
}
