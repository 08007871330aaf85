using PdfSharp.Drawing;

namespace AuditDashboard.Reporting.Layout;

/// <summary>
/// Column widths that follow the content, as a browser lays out an automatic table: no column narrower than its
/// longest word (so "Outcome", a seq, a date, an IP or an id never breaks mid-token), the space left given to the
/// columns whose text would otherwise wrap, in proportion to how much they want. Only when the words alone do not
/// fit are the columns' weights used, and long words broken.
/// </summary>
internal static class ColumnWidths
{
    /// <summary>Longer "words" (hashes, user agents, long URLs) may be broken: keeping them whole would starve the other columns.</summary>
    private const int MaxUnbreakable = 40;

    public static double[] Compute(XGraphics g, IReadOnlyList<TableColumn> columns, IReadOnlyList<IReadOnlyList<string?>> rows,
        Func<int, bool, XFont> font, double contentWidth, double padding)
    {
        int n = columns.Count;
        var min = new double[n];
        var want = new double[n];
        for (int i = 0; i < n; i++)
        {
            Measure(g, columns[i].Header, font(i, true), padding, ref min[i], ref want[i]);
            foreach (var row in rows) Measure(g, row[i], font(i, false), padding, ref min[i], ref want[i]);
        }
        double minSum = min.Sum();
        double total = columns.Sum(c => c.Weight);
        if (minSum > contentWidth)
            return columns.Select(c => c.Weight / total * contentWidth).ToArray();

        var widths = (double[])min.Clone();
        double spare = contentWidth - minSum;
        double extra = Enumerable.Range(0, n).Sum(i => Math.Max(0, want[i] - min[i]));
        if (extra > 0)
        {
            double share = Math.Min(1, spare / extra);
            for (int i = 0; i < n; i++) widths[i] += Math.Max(0, want[i] - min[i]) * share;
            spare -= extra * share;
        }
        // Whatever is left (every column fits on one line) is spread by weight, so tables still span the page.
        for (int i = 0; i < n; i++) widths[i] += spare * columns[i].Weight / total;
        return widths;
    }

    private static void Measure(XGraphics g, string? text, XFont font, double padding, ref double min, ref double want)
    {
        var clean = TextLines.Clean(text);
        if (clean.Length == 0) return;
        want = Math.Max(want, g.MeasureString(clean, font).Width + 2 * padding + 1);
        foreach (var word in clean.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (word.Length <= MaxUnbreakable) min = Math.Max(min, g.MeasureString(word, font).Width + 2 * padding + 1);
    }
}
