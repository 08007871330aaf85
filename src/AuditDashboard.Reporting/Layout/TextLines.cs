using System.Globalization;
using System.Text;
using PdfSharp.Drawing;

namespace AuditDashboard.Reporting.Layout;

/// <summary>Makes untrusted text safe to draw and breaks it into lines that fit a width.</summary>
public static class TextLines
{
    /// <summary>
    /// Tabs and line breaks become spaces, so text from an event cannot break the layout. Other control and format
    /// characters (zero-width spaces, bidirectional overrides, NUL…) are drawn as <c>[U+200B]</c>: they can neither
    /// hide in a name (<c>ad\u200bmin</c> is not "admin") nor reorder what is drawn around them. (ASCII brackets: the
    /// embedded fonts have them; the dashboard shows the same marks as ⟨U+200B⟩.) Characters beyond the Basic
    /// Multilingual Plane (emoji and the like) become U+FFFD: PDFsharp 6.2 cannot encode them, and a wrong glyph
    /// would be worse than an honest replacement. The CSV evidence bundle keeps every value exactly.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (rune.Value is '\t' or '\n' or '\r') sb.Append(' ');
            else if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                     or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned)
                sb.Append("[U+").Append(rune.Value.ToString("X4", CultureInfo.InvariantCulture)).Append(']');
            else sb.Append(category == UnicodeCategory.Surrogate || !rune.IsBmp ? "\uFFFD" : rune.ToString());
        }
        return sb.ToString();
    }

    /// <summary>Greedy word wrap; a word longer than the width (a hash, a user agent) is broken between characters.</summary>
    public static List<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in Clean(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (g.MeasureString(candidate, font).Width <= width)
            {
                line.Clear().Append(candidate);
                continue;
            }
            if (line.Length > 0) lines.Add(line.ToString());
            line.Clear();
            var rest = word;
            while (g.MeasureString(rest, font).Width > width)
            {
                int fit = Fit(g, rest, font, width);
                lines.Add(rest[..fit]);
                rest = rest[fit..];
            }
            line.Append(rest);
        }
        if (line.Length > 0 || lines.Count == 0) lines.Add(line.ToString());
        return lines;
    }

    private static int Fit(XGraphics g, string text, XFont font, double width)
    {
        int lo = 1, hi = text.Length;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (g.MeasureString(text[..mid], font).Width <= width) lo = mid;
            else hi = mid - 1;
        }
        // Never split a surrogate pair.
        if (lo < text.Length && char.IsLowSurrogate(text[lo]) && lo > 1) lo--;
        return Math.Max(1, lo);
    }
}
