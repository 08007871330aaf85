using AuditDashboard.Web.Hosting;
using AuditDashboard.Core.Storage;
using AuditDashboard.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Web.Reports;

/// <summary>Downloads of kept reports and their evidence bundles, for compliance officers; every download is audited.</summary>
public static class ReportDownloads
{
    public static IEndpointRouteBuilder MapReportDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/{id:long}/pdf", (long id, HttpContext http, IDbContextFactory<AuditDbContext> db, DashboardAudit audit) =>
            DownloadAsync(id, http, db, audit, evidence: false)).RequireAuthorization(Policies.Compliance).RequireRateLimiting(RateLimits.Export);
        app.MapGet("/reports/{id:long}/evidence", (long id, HttpContext http, IDbContextFactory<AuditDbContext> db, DashboardAudit audit) =>
            DownloadAsync(id, http, db, audit, evidence: true)).RequireAuthorization(Policies.Compliance).RequireRateLimiting(RateLimits.Export);
        return app;
    }

    private static async Task<IResult> DownloadAsync(long id, HttpContext http, IDbContextFactory<AuditDbContext> dbFactory, DashboardAudit audit, bool evidence)
    {
        await using var db = await dbFactory.CreateDbContextAsync(http.RequestAborted);
        var report = await db.Reports.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new { r.ReportId, r.Sha256, Bytes = evidence ? r.EvidenceZip : r.Pdf })
            .FirstOrDefaultAsync(http.RequestAborted);
        if (report is null) return Results.NotFound(new { error = $"there is no report {id}" });
        await audit.AccessAsync(http, http.User, evidence ? "report_evidence_download" : "report_download", new()
        {
            ["report_id"] = report.ReportId, ["sha256"] = report.Sha256,
        });
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return evidence
            ? Results.File(report.Bytes, "application/zip", $"{report.ReportId}-evidence.zip")
            : Results.File(report.Bytes, "application/pdf", $"{report.ReportId}.pdf");
    }
}
