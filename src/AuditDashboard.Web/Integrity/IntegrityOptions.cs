namespace AuditDashboard.Web.Integrity;

/// <summary>Configuration section <c>Integrity</c>: how often the app re-verifies the whole chain.</summary>
public sealed class IntegrityOptions
{
    public const string Section = "Integrity";

    /// <summary>Minutes between verifications of the whole chain (also done at start); from 1 to 10080 (a week).</summary>
    public int VerifyIntervalMinutes { get; set; } = 60;

    public IEnumerable<string> Validate()
    {
        if (VerifyIntervalMinutes is < 1 or > 10080) yield return "Integrity:VerifyIntervalMinutes must be from 1 to 10080.";
    }
}
