using System.Globalization;

namespace AuditDashboard.Cli;

internal static class CliTime
{
    /// <summary>yyyy-MM-dd or yyyy-MM-ddTHH:mm[:ss][Z], always UTC; anything else is a usage error naming the option.</summary>
    public static DateTime? Parse(string? text, string option)
    {
        if (text is null) return null;
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z'"];
        return DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? DateTime.SpecifyKind(t, DateTimeKind.Utc)
            : throw new UsageException($"{option} '{text}' is not a date (yyyy-MM-dd or yyyy-MM-ddTHH:mm, UTC)");
    }
}
