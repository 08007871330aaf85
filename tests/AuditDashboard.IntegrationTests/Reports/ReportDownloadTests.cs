using System.Net;
using AuditDashboard.Core.Compliance;
using AuditDashboard.Core.Storage;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuditDashboard.IntegrationTests.Reports;

public sealed class ReportDownloadTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Downloading_a_report_and_its_evidence_serves_the_kept_bytes_and_audits_each_download()
    {
        await using var app = new AppFactory(_db.Path);
        using var client = await DashboardClient.SignedInAsync(app, "ComplianceOfficer", "carla@example.test");
        var report = await app.Services.GetRequiredService<ReportGenerator>().GenerateAsync(new ReportRequest
        {
            Frameworks = [CatalogFramework.Iso27001], From = DateTime.UtcNow.Date.AddDays(-2), To = DateTime.UtcNow.Date.AddDays(1),
            Organisation = "Acme", GeneratedBy = "carla@example.test", Seed = 5, ReportId = ReportRequest.NewId(DateTime.UtcNow),
        });

        var pdf = await client.GetAsync($"/reports/{report.Id}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal(report.Pdf, await pdf.Content.ReadAsByteArrayAsync());
        var zip = await client.GetAsync($"/reports/{report.Id}/evidence");
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/reports/424242/pdf")).StatusCode);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContextAsync();
        var audited = await db.Events.Where(e => e.Source == "auditdashboard" && e.EventType == "dashboard_access").Select(e => e.Attributes!).ToListAsync();
        Assert.Contains(audited, a => a.Contains("\"report_download\"") && a.Contains(report.Sha256));
        Assert.Contains(audited, a => a.Contains("\"report_evidence_download\"") && a.Contains(report.ReportId));
    }
}
