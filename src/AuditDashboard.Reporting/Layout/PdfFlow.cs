using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace AuditDashboard.Reporting.Layout;

/// <summary>
/// Our small layout helper over PDFsharp (MigraDoc is not available): text flows down A4 pages, wrapping, and
/// tables paginate with their header row repeated on every page. Page furniture (header, "Page X of Y") is drawn
/// afterwards by <see cref="ReportRenderer"/>, once the page count is known.
/// </summary>
public sealed class PdfFlow(PdfDocument document) : IDisposable
{
    public const double Margin = 56;
    public const double TopMargin = 64;
    public const double BottomMargin = 64;
    private const double CellPadding = 3;

    private XGraphics? _g;
    private PdfPage? _page;
    private double _y;

    public PdfDocument Document => document;
    public XFont Body { get; } = new(EmbeddedFonts.Sans, 9.5);
    public XFont Small { get; } = new(EmbeddedFonts.Sans, 8);
    public XFont Bold { get; } = new(EmbeddedFonts.Sans, 9.5, XFontStyleEx.Bold);
    public XFont SmallBold { get; } = new(EmbeddedFonts.Sans, 8, XFontStyleEx.Bold);
    public XFont MonoSmall { get; } = new(EmbeddedFonts.Mono, 7.5);

    /// <summary>1-based number of the page being written.</summary>
    public int PageNumber => document.PageCount;
    public PdfPage Page => _page ?? throw new InvalidOperationException("No page yet");
    private XGraphics G => _g ?? throw new InvalidOperationException("No page yet");
    private double ContentWidth => Page.Width.Point - 2 * Margin;
    private double Bottom => Page.Height.Point - BottomMargin;

    public void NewPage()
    {
        _g?.Dispose();
        _page = document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _g = XGraphics.FromPdfPage(_page);
        _y = TopMargin;
    }

    /// <summary>
    /// Adds a page to be drawn on later (the contents, once page numbers are known). No graphics are opened on it:
    /// an empty content stream left behind would be an invalid compressed stream for strict readers.
    /// </summary>
    public PdfPage ReservePage()
    {
        _g?.Dispose();
        _g = null;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _page = page;
        return page;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void EnsureSpace(double height)
    {
        if (_page is null || _y + height > Bottom) NewPage();
    }

    public void Gap(double points) => _y += points;

    public void Heading(string text, double size)
    {
        var font = new XFont(EmbeddedFonts.Sans, size, XFontStyleEx.Bold);
        // Keep a heading with at least a few lines of what follows it.
        EnsureSpace(size * 1.4 + 60);
        foreach (var line in TextLines.Wrap(G, text, font, ContentWidth))
        {
            G.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, ContentWidth, size * 1.3), XStringFormats.TopLeft);
            _y += size * 1.35;
        }
        _y += size * 0.4;
    }

    public void Paragraph(string text, XFont? font = null, XBrush? brush = null, double indent = 0)
    {
        font ??= Body;
        double lineHeight = font.Size * 1.35;
        foreach (var line in TextLines.Wrap(G, text, font, ContentWidth - indent))
        {
            EnsureSpace(lineHeight);
            G.DrawString(line, font, brush ?? XBrushes.Black, new XRect(Margin + indent, _y, ContentWidth - indent, lineHeight), XStringFormats.TopLeft);
            _y += lineHeight;
        }
        _y += font.Size * 0.5;
    }

    /// <summary>Label–value pairs in two columns.</summary>
    public void Facts(IEnumerable<(string Label, string Value)> facts, double labelWidth = 130)
    {
        foreach (var (label, value) in facts)
        {
            var lines = TextLines.Wrap(G, value, Body, ContentWidth - labelWidth);
            double lineHeight = Body.Size * 1.35;
            EnsureSpace(lineHeight * Math.Min(lines.Count, 3));
            G.DrawString(TextLines.Clean(label), Bold, XBrushes.Black, new XRect(Margin, _y, labelWidth, lineHeight), XStringFormats.TopLeft);
            foreach (var line in lines)
            {
                EnsureSpace(lineHeight);
                G.DrawString(line, Body, XBrushes.Black, new XRect(Margin + labelWidth, _y, ContentWidth - labelWidth, lineHeight), XStringFormats.TopLeft);
                _y += lineHeight;
            }
        }
        _y += Body.Size * 0.5;
    }

    /// <summary>A table that continues across pages, its header repeated on each; a cell shows at most <paramref name="maxLines"/> lines.</summary>
    /// <remarks>Callers bound their rows (tables in a report are short): they are measured once for the column widths.</remarks>
    public void Table(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<string?>> rowSource, int maxLines = 6)
    {
        var rows = rowSource.ToList();
        EnsureSpace(0);
        XFont FontOf(int i, bool header) => header ? SmallBold : columns[i].Mono ? MonoSmall : Small;
        var widths = ColumnWidths.Compute(G, columns, rows, FontOf, ContentWidth, CellPadding);
        double lineHeight = Small.Size * 1.3;

        List<string>[] Cells(IReadOnlyList<string?> row, bool header) => columns.Select((c, i) =>
        {
            var font = FontOf(i, header);
            var lines = TextLines.Wrap(G, row[i] ?? "", font, widths[i] - 2 * CellPadding);
            if (lines.Count > maxLines) lines = [.. lines.Take(maxLines - 1), lines[maxLines - 1] + " …"];
            return lines;
        }).ToArray();

        void Draw(List<string>[] cells, bool header)
        {
            double height = cells.Max(c => c.Count) * lineHeight + 2 * CellPadding;
            if (header) G.DrawRectangle(new XSolidBrush(XColor.FromArgb(235, 238, 243)), Margin, _y, ContentWidth, height);
            double x = Margin;
            for (int i = 0; i < columns.Count; i++)
            {
                var font = header ? SmallBold : columns[i].Mono ? MonoSmall : Small;
                var format = columns[i].AlignRight && !header ? XStringFormats.TopRight : XStringFormats.TopLeft;
                for (int l = 0; l < cells[i].Count; l++)
                    G.DrawString(cells[i][l], font, XBrushes.Black,
                        new XRect(x + CellPadding, _y + CellPadding + l * lineHeight, widths[i] - 2 * CellPadding, lineHeight), format);
                x += widths[i];
            }
            _y += height;
            G.DrawLine(new XPen(XColor.FromArgb(200, 205, 212), 0.4), Margin, _y, Margin + ContentWidth, _y);
        }

        var headerCells = Cells(columns.Select(c => (string?)c.Header).ToList(), header: true);
        double headerHeight = headerCells.Max(c => c.Count) * lineHeight + 2 * CellPadding;
        bool first = true;
        foreach (var row in rows)
        {
            var cells = Cells(row, header: false);
            double height = cells.Max(c => c.Count) * lineHeight + 2 * CellPadding;
            if (first || _y + height > Bottom)
            {
                EnsureSpace(headerHeight + height);
                Draw(headerCells, header: true);
                first = false;
            }
            Draw(cells, header: false);
        }
        if (first)
        {
            EnsureSpace(headerHeight);
            Draw(headerCells, header: true);
        }
        _y += Body.Size * 0.8;
    }

    /// <summary>A PNG scaled to <paramref name="width"/> points.</summary>
    public void Image(byte[] png, double width)
    {
        using var image = XImage.FromStream(new MemoryStream(png));
        double height = width * image.PixelHeight / image.PixelWidth;
        EnsureSpace(height + 6);
        G.DrawImage(image, Margin, _y, width, height);
        _y += height + 6;
    }

    /// <summary>PNGs side by side, each <paramref name="width"/> points wide.</summary>
    public void Images(double width, params byte[][] pngs)
    {
        var images = pngs.Select(p => XImage.FromStream(new MemoryStream(p))).ToList();
        try
        {
            double height = images.Max(i => width * i.PixelHeight / i.PixelWidth);
            EnsureSpace(height + 6);
            for (int i = 0; i < images.Count; i++)
                G.DrawImage(images[i], Margin + i * (width + 8), _y, width, width * images[i].PixelHeight / images[i].PixelWidth);
            _y += height + 6;
        }
        finally
        {
            foreach (var image in images) image.Dispose();
        }
    }

    public void Dispose() => _g?.Dispose();
}
