using System.Globalization;

namespace AuditDashboard.Web.Components.Shared;

/// <summary>Times in page URLs (<c>?from=…&amp;to=…</c>): read as UTC, and the period a page shows.</summary>
public static class UtcQueryTime
{
    // No stored event is older (ingest refuses them) and no period needs to reach further; clamping here keeps
    // every page's date arithmetic away from DateTime's ends whatever a URL says.
    private static readonly DateTime Earliest = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Latest = new(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A date or date and time, taken as UTC and kept within 1970 to 9000; null when absent or not a time.</summary>
    public static DateTime? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !DateTime.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
            return null;
        t = DateTime.SpecifyKind(t, DateTimeKind.Utc);
        return t < Earliest ? Earliest : t > Latest ? Latest : t;
    }

    /// <summary>
    /// The URL's own period when it gives a valid one (Custom), else the last <paramref name="span"/> up to the end of
    /// the current hour.
    /// </summary>
    public static (DateTime From, DateTime To, bool Custom) Period(TimeSpan span, string? from, string? to, DateTime now)
    {
        if (Parse(from) is { } f && Parse(to) is { } t && f < t) return (f, t, true);
        var end = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc).AddHours(1);
        return (end - span, end, false);
    }
}
