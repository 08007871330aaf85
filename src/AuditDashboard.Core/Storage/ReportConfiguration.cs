using AuditDashboard.Core.Compliance;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Storage;

internal static class ReportConfiguration
{
    public static void Configure(ModelBuilder modelBuilder, StoreProvider provider)
    {
        modelBuilder.Entity<GeneratedReport>(e =>
        {
            e.ToTable("reports");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.ReportId).HasColumnName("report_id").HasMaxLength(64).IsRequired();
            e.Property(x => x.Frameworks).HasColumnName("frameworks").HasMaxLength(64).IsRequired();
            provider.Time(e.Property(x => x.From).HasColumnName("period_from"));
            provider.Time(e.Property(x => x.To).HasColumnName("period_to"));
            e.Property(x => x.Scope).HasColumnName("scope").HasMaxLength(2048).IsRequired();
            e.Property(x => x.Seed).HasColumnName("seed");
            provider.Time(e.Property(x => x.GeneratedAt).HasColumnName("generated_at"));
            e.Property(x => x.GeneratedBy).HasColumnName("generated_by").HasMaxLength(256).IsRequired();
            e.Property(x => x.Sha256).HasColumnName("sha256").HasMaxLength(64).IsRequired();
            e.Property(x => x.PageCount).HasColumnName("page_count");
            e.Property(x => x.DevelopmentCertificate).HasColumnName("development_certificate");
            e.Property(x => x.Pdf).HasColumnName("pdf").IsRequired();
            e.Property(x => x.EvidenceZip).HasColumnName("evidence_zip").IsRequired();
            e.HasIndex(x => x.ReportId).IsUnique().HasDatabaseName("ux_reports_report_id");
            e.HasIndex(x => x.GeneratedAt).HasDatabaseName("ix_reports_generated_at");
        });
    }
}
