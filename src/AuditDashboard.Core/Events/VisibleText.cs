using System.Globalization;
using System.Text;

namespace AuditDashboard.Core.Events;

/// <summary>
/// Event text as a person should see it: characters that are invisible or reorder what follows (zero-width
/// spaces and joiners, bidirectional overrides and isolates, the byte order mark, soft hyphens, control
/// characters, line and paragraph separators) are shown as <c>⟨U+200B⟩</c>, so <c>ad\u200bmin</c> never passes for
/// <c>admin</c> and <c>user\u202egnp.exe</c> never reads as <c>userexe.png</c>. Only for display: stored values stay exact.
/// </summary>
public static class VisibleText
{
    public static string? Show(string? text)
    {
        if (text is null || !NeedsMarking(text)) return text;
        var shown = new StringBuilder(text.Length + 16);
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsHidden(rune)) shown.Append("⟨U+").Append(rune.Value.ToString("X4", CultureInfo.InvariantCulture)).Append('⟩');
            else shown.Append(rune.ToString());
        }
        return shown.ToString();
    }

    /// <summary>Like <see cref="Show"/>, but keeps line breaks and tabs (for pretty-printed JSON).</summary>
    public static string ShowMultiline(string text) =>
        string.Join('\n', text.Split('\n').Select(line => string.Join('\t', line.Split('\t').Select(part => Show(part)))));

    private static bool NeedsMarking(string text)
    {
        foreach (var c in text)
        {
            if (c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD || c >= 0x0600) return true;
        }
        return false;
    }

    private static bool IsHidden(Rune rune)
    {
        if (Rune.IsControl(rune)) return true;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
            // Blank letters and fillers that render as nothing.
            _ => rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 or 0x180E,
        };
    }
}
