namespace AuditDashboard.Core.Overview;

/// <summary>
/// The points of a chart over a period: the finest size (hour, day, week, month, year) that keeps a chart at no more
/// than <see cref="MaxPoints"/> points, so its cost never follows the length of the period a URL asks for.
/// </summary>
public static class ChartBuckets
{
    public const int MaxPoints = 240;

    public static BucketSize Choose(DateTime from, DateTime to)
    {
        var span = to - from;
        if (span <= TimeSpan.FromDays(2)) return BucketSize.Hour;
        if (span.TotalDays <= MaxPoints) return BucketSize.Day;
        if (span.TotalDays / 7 <= MaxPoints) return BucketSize.Week;
        if (span.TotalDays / 30 <= MaxPoints - 2) return BucketSize.Month;
        return BucketSize.Year;
    }

    public static DateTime Floor(DateTime t, BucketSize size) => size switch
    {
        BucketSize.Hour => new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc),
        BucketSize.Day => new DateTime(t.Year, t.Month, t.Day, 0, 0, 0, DateTimeKind.Utc),
        // ISO weeks start on Monday.
        BucketSize.Week => new DateTime(t.Year, t.Month, t.Day, 0, 0, 0, DateTimeKind.Utc).AddDays(-(((int)t.DayOfWeek + 6) % 7)),
        BucketSize.Month => new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc),
        _ => new DateTime(t.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    public static DateTime Next(DateTime bucket, BucketSize size) => size switch
    {
        BucketSize.Hour => bucket.AddHours(1),
        BucketSize.Day => bucket.AddDays(1),
        BucketSize.Week => bucket.AddDays(7),
        BucketSize.Month => bucket.AddMonths(1),
        _ => bucket.AddYears(1),
    };

    /// <summary>The buckets from the one holding <paramref name="from"/> up to <paramref name="to"/> (exclusive).</summary>
    public static List<DateTime> Between(DateTime from, DateTime to, BucketSize size)
    {
        var buckets = new List<DateTime>();
        for (var b = Floor(from, size); b < to && buckets.Count <= MaxPoints; b = Next(b, size)) buckets.Add(b);
        return buckets;
    }

    public static string Label(BucketSize size) => size switch
    {
        BucketSize.Hour => "per hour",
        BucketSize.Day => "per day",
        BucketSize.Week => "per week",
        BucketSize.Month => "per month",
        _ => "per year",
    };

    public static string Format(BucketSize size) => size switch
    {
        BucketSize.Hour => "HH:00",
        BucketSize.Day => "MM-dd",
        BucketSize.Week => "yyyy-MM-dd",
        BucketSize.Month => "yyyy-MM",
        _ => "yyyy",
    };
}
