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
}
