using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.IntegrationTests.Reports;

public sealed class ReportCommandTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Report_writes_a_signed_pdf_and_its_evidence_keeps_it_in_the_history_and_audits_it(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var factory = await Stores.SimulateAsync(store.Factory, days: 3, users: 6);
        var pdf = Path.Combine(store.Folder, "soc2.pdf");
        var zip = Path.Combine(store.Folder, "soc2.zip");

        var result = await Processes.AuditdashAsync(store, "report", "--framework", "soc2",
            "--from", "2026-10-29", "--to", "2026-11-01", "--out", pdf, "--evidence", zip, "--seed", "99");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.StartsWith("%PDF-", await File.ReadAllTextAsync(pdf));
        Assert.True(new FileInfo(zip).Length > 0);
        await using var db = store.Factory.CreateDbContext();
        var kept = await db.Reports.SingleAsync();
        Assert.Contains($"Report {kept.ReportId}: {kept.PageCount} pages, SHA-256 {kept.Sha256}", result.Stdout);
        Assert.Equal(await File.ReadAllBytesAsync(pdf), kept.Pdf);
        // The attestation says which engine held the evidence and what protects it.
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            var text = string.Join(" ", document.GetPages().Select(p => p.Text));
            Assert.Contains("Files at rest", text);
            Assert.Contains(store.IsSqlite ? "a local file, no network" : "SSL Mode=VerifyFull", text);
        }
        Assert.Contains(await db.Events.Where(e => e.Source == "auditdashboard").Select(e => e.Attributes).ToListAsync(),
            a => a!.Contains("report_generated") && a.Contains(kept.Sha256));
    }

    [Fact]
    public async Task A_bad_framework_or_period_is_a_usage_error()
    {
        var framework = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "report", "--framework", "pci", "--from", "2026-10-01", "--to", "2026-11-01", "--out", "x.pdf");
        Assert.Equal(2, framework.ExitCode);
        Assert.Contains("--framework 'pci' is not soc2, iso27001 or both", framework.Stderr);
        var period = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "report", "--framework", "both", "--from", "2026-11-01", "--to", "2026-10-01", "--out", "x.pdf");
        Assert.Equal(2, period.ExitCode);
        Assert.Contains("the period's start must be before its end", period.Stderr);
    }
}
