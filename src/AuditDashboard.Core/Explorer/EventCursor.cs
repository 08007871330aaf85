using System.Globalization;

namespace AuditDashboard.Core.Explorer;

/// <summary>Keyset position in the explorer's order (newest first): the last row's timestamp and seq.</summary>
public sealed record EventCursor(DateTime Timestamp, long Seq)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Timestamp.Ticks}.{Seq}");

    public static EventCursor? Parse(string? text)
    {
        var parts = text?.Split('.');
        return parts is { Length: 2 }
               && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
               && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            ? new EventCursor(new DateTime(ticks, DateTimeKind.Utc), seq)
            : null;
    }
}
