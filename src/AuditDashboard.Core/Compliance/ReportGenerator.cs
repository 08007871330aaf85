using System.Security.Cryptography;
using AuditDashboard.Core.Storage;
using AuditDashboard.Reporting;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Compliance;

/// <summary>Builds, renders, signs and keeps a report (with its evidence bundle and SHA-256) in the history.</summary>
public sealed class ReportGenerator(IDbContextFactory<AuditDbContext> dbFactory, ControlCatalog catalog, ReportSigner signer, TimeProvider clock)
{
    public ControlCatalog Catalog => catalog;

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem with the request.</summary>
    public async Task<GeneratedReport> GenerateAsync(ReportRequest request, CancellationToken cancellationToken = default)
    {
        var problems = request.Validate(catalog).ToList();
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems));
        var (certificate, signing, development) = signer.Get();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var model = await ReportBuilder.BuildAsync(db, catalog, request, signing, now, cancellationToken);
        using var pdf = new MemoryStream();
        int pages = ReportRenderer.Render(model, pdf, certificate);
        var pdfBytes = pdf.ToArray();
        using var zip = new MemoryStream();
        EvidenceBundle.Write(model, zip);
        var report = new GeneratedReport
        {
            ReportId = request.ReportId,
            Frameworks = string.Join(',', request.Frameworks),
            From = request.From,
            To = request.To,
            Scope = model.Scope,
            Seed = request.Seed,
            GeneratedAt = now,
            GeneratedBy = request.GeneratedBy,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdfBytes)),
            PageCount = pages,
            DevelopmentCertificate = development,
            Pdf = pdfBytes,
            EvidenceZip = zip.ToArray(),
        };
        db.Reports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }
}
