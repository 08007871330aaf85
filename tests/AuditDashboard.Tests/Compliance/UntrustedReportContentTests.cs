using System.Text.Json;
using AuditDashboard.Core.Compliance;

namespace AuditDashboard.Tests.Compliance;

public sealed class UntrustedReportContentTests
{
    private static readonly string[] Names =
    [
        "<script>alert(1)</script>", "Zoë Łódź-Żółć", "Ελένη Παπαδοπούλου", "Дмитрий Иванов", "=cmd|' /C calc'!A0",
        "rtl\u202Eexe.txt", "line\nbreak\ttab", new string('w', 900), "emoji 😀 user", "\"quoted\", with comma", "ad\u200Bmin",
    ];

    [Fact]
    public async Task Markup_odd_unicode_and_formulas_in_events_neither_break_the_layout_nor_reach_the_csv_as_formulas()
    {
        await using var store = await TempStore.CreateAsync();
        await store.IngestAsync(Names.Select((name, i) => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["event_id"] = $"odd-{i}", ["timestamp"] = $"2026-10-20T10:{i:00}:00Z", ["event_type"] = "login_success", ["outcome"] = "success",
            ["source"] = "idp", ["username"] = name, ["client_id"] = name.Length > 100 ? "long-client" : name, ["ip"] = "198.51.100.7",
        })).ToArray());
        var generator = new ReportGenerator(store.Factory, ControlCatalog.Load(), new ReportSigner(new ReportOptions(), store.Folder), TestClock.Default);

        var report = await generator.GenerateAsync(ReportFixture.Request(7, CatalogFramework.Soc2) with { Organisation = "Zoë & <Co>" });

        var pages = PdfText.Pages(report.Pdf);
        Assert.Equal(report.PageCount, pages.Count);
        for (int i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        var text = string.Join(" ", pages);
        // A long word wraps inside its table cell: read the User column top to bottom.
        Assert.Contains("<script>alert(1)</script>", PdfText.Column(report.Pdf, "User"));
        Assert.Contains("emoji \uFFFD user", text);
        Assert.Contains("Zoë Łódź-Żółć", text);
        Assert.Contains("Ελένη", text);
        Assert.Contains("Дмитрий", text);
        Assert.Contains("Zoë & <Co>", pages[0]);
        // A char, not a string: a string search ignores zero-width format characters and would always "find" it.
        Assert.DoesNotContain('\u202E', text);
        var users = PdfText.Column(report.Pdf, "User");
        Assert.Contains("rtl[U+202E]exe.txt", users);
        Assert.Contains("ad[U+200B]min", users);

        var samples = ReportFixture.Entry(report.EvidenceZip, "samples.csv");
        Assert.Contains("\"'=cmd|' /C calc'!A0\"", samples);
        Assert.DoesNotContain(",=cmd", samples);
        Assert.Contains("\"\"\"quoted\"\", with comma\"", samples);
    }
}
