namespace AuditDashboard.Core.Retention;

/// <summary>Configuration section <c>Retention</c> (docs/retention.md). Off by default: nothing ever leaves.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";
    public const int MaxMonths = 1200;

    /// <summary>
    /// Whole months kept before the current one; a month (by the time the store received its events) leaves once it
    /// ended this many months ago, is covered by a signed checkpoint, is archived and no legal hold keeps it. Null: off.
    /// </summary>
    public int? Months { get; set; }

    public IEnumerable<string> Validate()
    {
        if (Months is < 1 or > MaxMonths) yield return $"Retention:Months must be from 1 to {MaxMonths}, or unset to keep everything.";
    }

    /// <summary>The first instant still kept: months that ended on or before it may leave.</summary>
    public static DateTime Cutoff(int months, DateTime now) => new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-months);
}
