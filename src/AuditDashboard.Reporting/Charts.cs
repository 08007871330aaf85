using AuditDashboard.Reporting.Model;

namespace AuditDashboard.Reporting;

/// <summary>The executive summary's charts, drawn by ScottPlot as PNG in the embedded font.</summary>
public static class Charts
{
    private const int Width = 1200, Height = 420;

    public static byte[] PerDay(string title, IReadOnlyList<DailyCount> series, ScottPlot.Color color)
    {
        var plot = NewPlot(title);
        if (series.Count > 0)
        {
            var positions = series.Select(p => p.Day.ToOADate()).ToArray();
            var bars = plot.Add.Bars(positions, series.Select(p => (double)p.Count).ToArray());
            bool labelled = series.Count <= 31; // every bar carries its count while they are wide enough to read
            foreach (var bar in bars.Bars)
            {
                bar.FillColor = color;
                bar.LineWidth = 0;
                bar.Size = 0.8;
                if (labelled) bar.Label = bar.Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            }
            bars.ValueLabelStyle.FontName = EmbeddedFonts.Sans;
            bars.ValueLabelStyle.FontSize = 13;
            // ISO dates (never the US month/day order), at most about eight of them.
            int every = Math.Max(1, (int)Math.Ceiling(series.Count / 8.0));
            var ticks = series.Select((p, i) => (p, i)).Where(x => x.i % every == 0).ToList();
            plot.Axes.Bottom.SetTicks(ticks.Select(x => positions[x.i]).ToArray(),
                ticks.Select(x => x.p.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            plot.Axes.Left.Label.Text = "events";
            plot.Axes.Left.Label.FontSize = 16;
        }
        plot.Axes.Margins(bottom: 0);
        return plot.GetImageBytes(Width, Height, ScottPlot.ImageFormat.Png);
    }

    /// <summary>Colours that mean what they say: nothing open or severe is ever drawn green.</summary>
    public static ScottPlot.Color ColourOf(string label) => label switch
    {
        "critical" => new(183, 28, 28),
        "high" => new(230, 81, 0),
        "medium" => new(249, 168, 37),
        "low" => new(96, 125, 139),
        "open" => new(211, 47, 47),
        "acknowledged" => new(245, 124, 0),
        "resolved" => new(56, 142, 60),
        "false_positive" => new(120, 144, 156),
        _ => new(25, 118, 210),
    };

    public static byte[] Counts(string title, IReadOnlyList<LabelledCount> counts) => Counts(title, counts, null);

    public static byte[] Counts(string title, IReadOnlyList<LabelledCount> counts, ScottPlot.Color? color)
    {
        var plot = NewPlot(title);
        var positions = Enumerable.Range(0, counts.Count).Select(i => (double)i).ToArray();
        if (counts.Count > 0)
        {
            var bars = plot.Add.Bars(positions, counts.Select(c => (double)c.Count).ToArray());
            foreach (var bar in bars.Bars)
            {
                bar.FillColor = color ?? ColourOf(counts[(int)bar.Position].Label);
                bar.LineWidth = 0;
                bar.Label = bar.Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            }
            bars.ValueLabelStyle.FontName = EmbeddedFonts.Sans;
            bars.ValueLabelStyle.FontSize = 18;
            plot.Axes.Bottom.SetTicks(positions, counts.Select(c => c.Label).ToArray());
        }
        plot.Axes.Margins(bottom: 0, top: 0.15);
        return plot.GetImageBytes(Width / 2, Height, ScottPlot.ImageFormat.Png);
    }

    private static ScottPlot.Plot NewPlot(string title)
    {
        EmbeddedFonts.Install();
        var plot = new ScottPlot.Plot();
        plot.Font.Set(EmbeddedFonts.Sans);
        plot.Title(title, size: 22);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 16;
        plot.Axes.Left.TickLabelStyle.FontSize = 16;
        return plot;
    }
}
