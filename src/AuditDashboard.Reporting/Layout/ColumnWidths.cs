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
    /// <summary>
    /// Longer "words" (hashes, user agents, long URLs) may be broken: keeping them whole would starve the other
    /// columns. Tried in turn: first every word up to 40 characters (an e-mail, an IPv6 address) is kept whole, then
    /// those up to 24, 19 and 12 (a timestamp's parts, an IPv4 address, a seq, a status; header words always).
    /// </summary>
    private static readonly int[] Unbreakable = [40, 24, 19, 15, 12];

    public static double[] Compute(XGraphics g, IReadOnlyList<TableColumn> columns, IReadOnlyList<IReadOnlyList<string?>> rows,
        Func<int, bool, XFont> font, double contentWidth, double padding)
    {
        int n = columns.Count;
        double total = columns.Sum(c => c.Weight);
        var min = new double[n];
        foreach (int unbreakable in Unbreakable)
        {
            min = new double[n];
            var want = new double[n];
            for (int i = 0; i < n; i++)
            {
                Measure(g, columns[i].Header, font(i, true), padding, int.MaxValue, ref min[i], ref want[i]);
                foreach (var row in rows) Measure(g, row[i], font(i, false), padding, unbreakable, ref min[i], ref want[i]);
            }
            if (min.Sum() <= contentWidth) return Spread(columns, min, want, contentWidth, total);
        }
        // Even short words do not fit side by side: every column shrinks alike, so none is starved.
        double sum = min.Sum();
        return sum <= 0 ? columns.Select(c => c.Weight / total * contentWidth).ToArray() : min.Select(m => m / sum * contentWidth).ToArray();
    }

    private static double[] Spread(IReadOnlyList<TableColumn> columns, double[] min, double[] want, double contentWidth, double total)
    {
        int n = columns.Count;
        double minSum = min.Sum();

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

    private static void Measure(XGraphics g, string? text, XFont font, double padding, int unbreakable, ref double min, ref double want)
    {
        var clean = TextLines.Clean(text);
        if (clean.Length == 0) return;
        want = Math.Max(want, g.MeasureString(clean, font).Width + 2 * padding + 1);
        foreach (var word in clean.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (word.Length <= unbreakable) min = Math.Max(min, g.MeasureString(word, font).Width + 2 * padding + 1);
    }
}
