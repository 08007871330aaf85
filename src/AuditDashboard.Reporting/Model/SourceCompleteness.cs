namespace AuditDashboard.Reporting.Model;

/// <summary>One source's feed over the period: days with events and the days it was silent.</summary>
public sealed record SourceCompleteness(string Source, long Events, int DaysWithEvents, int DaysInPeriod, IReadOnlyList<DateTime> MissingDays,
    double? MedianSkewSeconds, double? MaxSkewSeconds);
