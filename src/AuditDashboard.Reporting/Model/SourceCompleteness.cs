namespace AuditDashboard.Reporting.Model;

/// <summary>
/// One source's feed over the period: days with events and the days it was silent; the clock skew of the events
/// delivered live (received within <see cref="LiveWindowSeconds"/> of their timestamp), and how many arrived later
/// than that (imported or backfilled history, whose delay says nothing about clocks).
/// </summary>
public sealed record SourceCompleteness(string Source, long Events, int DaysWithEvents, int DaysInPeriod, IReadOnlyList<DateTime> MissingDays,
    double? MedianSkewSeconds, double? MaxSkewSeconds, long ReceivedLater = 0)
{
    public const double LiveWindowSeconds = 3600;
}
