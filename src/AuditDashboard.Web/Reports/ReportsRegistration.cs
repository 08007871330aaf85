using AuditDashboard.Core.Compliance;
using AuditDashboard.Core.Detection;
using AuditDashboard.Web.Hosting;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Web.Reports;

public static class ReportsRegistration
{
    /// <summary>
    /// The control catalog (validated on start with the <c>Reports</c> section, every problem at once), the report
    /// signer and generator.
    /// </summary>
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        var catalog = ControlCatalog.Load();
        var catalogErrors = catalog.Validate(Detectors.Names(new DetectionOptions())).Select(e => "Control catalog: " + e).ToList();
        bool development = builder.Environment.IsDevelopment();
        builder.AddValidatedOptions<ReportOptions>(ReportOptions.Section, o => o.Validate(contentRoot).Concat(catalogErrors).Concat(
            development || !string.IsNullOrWhiteSpace(o.SigningCertificatePath) ? []
                : ["Reports:SigningCertificatePath is required outside the Development environment: the generated development certificate only shows a report is unchanged, not who stands behind it."]));
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(sp => new ReportSigner(sp.GetRequiredService<IOptions<ReportOptions>>().Value, contentRoot));
        // Every report is made against a checkpoint signed for it (the log's key, see Integrity).
        builder.Services.AddSingleton(sp => new ReportGenerator(sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Core.Storage.AuditDbContext>>(),
            catalog, sp.GetRequiredService<ReportSigner>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Integrity.LogSigning>().Maker));
        return builder;
    }
}
