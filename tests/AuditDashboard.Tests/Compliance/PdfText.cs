using UglyToad.PdfPig;

namespace AuditDashboard.Tests.Compliance;

/// <summary>A PDF read back with PdfPig: the words of each page, joined by spaces.</summary>
internal static class PdfText
{
    public static List<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
    }

    /// <summary>
    /// The text of a table column on every page: the words left-aligned with the column's header, top to bottom,
    /// joined without spaces (a long value wraps onto several lines of its cell).
    /// </summary>
    public static string Column(byte[] pdf, string header)
    {
        using var document = PdfDocument.Open(pdf);
        var text = new System.Text.StringBuilder();
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords().ToList();
            foreach (var head in words.Where(w => w.Text == header))
                foreach (var w in words.Where(w => Math.Abs(w.BoundingBox.Left - head.BoundingBox.Left) < 1.5 && w.BoundingBox.Top < head.BoundingBox.Bottom)
                             .OrderByDescending(w => w.BoundingBox.Top))
                    text.Append(w.Text);
        }
        return text.ToString();
    }
}
