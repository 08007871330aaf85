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
            var bars = plot.Add.Bars(series.Select(p => p.Day.ToOADate()).ToArray(), series.Select(p => (double)p.Count).ToArray());
            foreach (var bar in bars.Bars)
            {
                bar.FillColor = color;
                bar.LineWidth = 0;
                bar.Size = 0.8;
            }
            plot.Axes.DateTimeTicksBottom();
        }
        plot.Axes.Margins(bottom: 0);
        return plot.GetImageBytes(Width, Height, ScottPlot.ImageFormat.Png);
    }

    public static byte[] Counts(string title, IReadOnlyList<LabelledCount> counts, ScottPlot.Color color)
    {
        var plot = NewPlot(title);
        var positions = Enumerable.Range(0, counts.Count).Select(i => (double)i).ToArray();
        if (counts.Count > 0)
        {
            var bars = plot.Add.Bars(positions, counts.Select(c => (double)c.Count).ToArray());
            foreach (var bar in bars.Bars)
            {
                bar.FillColor = color;
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
