using System.Globalization;

namespace AuditDashboard.Core.Sessions;

/// <summary>Keyset position in a sessions order: the last row's sort key (ticks or a count) and its session id.</summary>
public sealed record SessionCursor(long Key, string SessionId)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Key}.{SessionId}");

    public static SessionCursor? Parse(string? text)
    {
        int dot = text?.IndexOf('.') ?? -1;
        return dot > 0 && long.TryParse(text![..dot], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key) && dot < text.Length - 1
            ? new SessionCursor(key, text[(dot + 1)..])
            : null;
    }
}
