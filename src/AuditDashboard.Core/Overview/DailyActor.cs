namespace AuditDashboard.Core.Overview;

/// <summary>
/// Derived, rebuildable: one row per day and user, client, session or IP seen that day, with its event and
/// failure counts. Distinct counts over a range and "top failing" lists come from here instead of the events.
/// </summary>
public sealed class DailyActor
{
    public const string User = "user";
    public const string Client = "client";
    public const string Session = "session";
    public const string Ip = "ip";

    public DateTime Day { get; set; }
    public string Kind { get; set; } = "";
    public string Value { get; set; } = "";
    public long Events { get; set; }
    public long Failures { get; set; }
    /// <summary>Sign-in failures (login_failure, mfa_failure): what "top failing" ranks by.</summary>
    public long SignInFailures { get; set; }
}
