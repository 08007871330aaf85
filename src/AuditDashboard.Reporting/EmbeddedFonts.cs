using System.Security.Cryptography;
using PdfSharp.Fonts;

namespace AuditDashboard.Reporting;

/// <summary>
/// DejaVu Sans (regular, bold) and DejaVu Sans Mono, shipped in this assembly, so reports look the same on every
/// machine and never depend on system fonts (Fonts/LICENSE-DejaVu.txt). Installed once per process for PDFsharp,
/// and for ScottPlot, which only takes font files, from a copy in the temp folder.
/// </summary>
public sealed class EmbeddedFonts : IFontResolver
{
    public const string Sans = "DejaVu Sans";
    public const string Mono = "DejaVu Sans Mono";

    private static readonly Lock Gate = new();
    private static bool _installed;

    public static void Install()
    {
        lock (Gate)
        {
            if (_installed) return;
            GlobalFontSettings.FontResolver ??= new EmbeddedFonts();
            ScottPlot.Fonts.AddFontFile(Sans, Extract("DejaVuSans.ttf"), bold: false, italic: false);
            ScottPlot.Fonts.AddFontFile(Sans, Extract("DejaVuSans-Bold.ttf"), bold: true, italic: false);
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        familyName.Equals(Mono, StringComparison.OrdinalIgnoreCase) ? new FontResolverInfo("DejaVuSansMono.ttf")
        : isBold ? new FontResolverInfo("DejaVuSans-Bold.ttf")
        : new FontResolverInfo("DejaVuSans.ttf");

    public byte[]? GetFont(string faceName) => Read(faceName);

    private static byte[] Read(string file)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream("AuditDashboard.Reporting.Fonts." + file)
            ?? throw new InvalidOperationException($"Font {file} is missing from AuditDashboard.Reporting.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Extract(string file)
    {
        var bytes = Read(file);
        var folder = Path.Combine(Path.GetTempPath(), "auditdashboard-fonts");
        Directory.CreateDirectory(folder);
        // Named by content, so concurrent processes write identical files and never a half-written one they use.
        var path = Path.Combine(folder, Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "-" + file);
        if (!File.Exists(path))
        {
            var temp = path + "." + Guid.NewGuid().ToString("N");
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        return path;
    }
}
