using AuditDashboard.Core.Events;

namespace AuditDashboard.Web.Overview;

/// <summary>
/// One colour per event type, whatever the range: the chart's series are chosen by volume, so colours taken by
/// position would move from one type to another as the range changes.
/// </summary>
public static class EventTypeColours
{
    public const string Other = "#9e9e9e";

    private static readonly string[] Palette =
    [
        "#1976d2", "#d32f2f", "#388e3c", "#f57c00", "#7b1fa2", "#0097a7", "#c2185b", "#5d4037", "#303f9f", "#afb42b", "#00796b", "#e64a19",
        "#512da8", "#689f38", "#0288d1", "#fbc02d", "#455a64", "#8e24aa", "#43a047", "#f4511e", "#3949ab", "#00acc1", "#6d4c41",
    ];

    public static string Of(string eventType)
    {
        int i = EventTypes.All.ToList().IndexOf(eventType);
        return i < 0 ? Other : Palette[i % Palette.Length];
    }
}
