namespace AuditDashboard.Core.Events;

public static class EventSources
{
    /// <summary>
    /// The dashboard's own audit trail (sign-ins, exports, triage). Kept in the chain as evidence, but counted apart
    /// from the identity providers' and resource servers' activity: overview, sessions and report populations leave it out.
    /// </summary>
    public const string Dashboard = "auditdashboard";
}
