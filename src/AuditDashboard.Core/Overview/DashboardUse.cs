namespace AuditDashboard.Core.Overview;

/// <summary>
/// Derived, rebuildable: how the dashboard itself was used, per day, person, action and outcome (from the events of
/// source <c>auditdashboard</c>). The overview's "use of this dashboard" panel reads it.
/// </summary>
public sealed class DashboardUse
{
    public DateTime Day { get; set; }
    /// <summary>Username, else user id, else "(unknown)" (a failed sign-in with no name).</summary>
    public string Person { get; set; } = "";
    /// <summary>sign_in, sign_out or the recorded action (export_events, report_download, alert_triage…).</summary>
    public string Action { get; set; } = "";
    public string Outcome { get; set; } = "";
    public long Count { get; set; }
}
