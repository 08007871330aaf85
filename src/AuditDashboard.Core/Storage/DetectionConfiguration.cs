using AuditDashboard.Core.Detection;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Storage;

internal static class DetectionConfiguration
{
    public static void Configure(ModelBuilder modelBuilder, StoreProvider provider)
    {
        modelBuilder.Entity<Alert>(e =>
        {
            e.ToTable("alerts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Key).HasColumnName("alert_key").HasMaxLength(450).IsRequired();
            e.Property(x => x.Detector).HasColumnName("detector").HasMaxLength(64).IsRequired();
            e.Property(x => x.Severity).HasColumnName("severity").HasMaxLength(16).IsRequired();
            e.Property(x => x.SubjectKind).HasColumnName("subject_kind").HasMaxLength(16).IsRequired();
            e.Property(x => x.Subject).HasColumnName("subject").HasMaxLength(256).IsRequired();
            provider.Time(e.Property(x => x.WindowStart).HasColumnName("window_start"));
            provider.Time(e.Property(x => x.WindowEnd).HasColumnName("window_end"));
            e.Property(x => x.Evidence).HasColumnName("evidence").IsRequired();
            e.Property(x => x.EvidenceCount).HasColumnName("evidence_count");
            e.Property(x => x.Explanation).HasColumnName("explanation").IsRequired();
            e.Property(x => x.Controls).HasColumnName("controls").IsRequired();
            provider.Time(e.Property(x => x.FirstDetectedAt).HasColumnName("first_detected_at"));
            provider.Time(e.Property(x => x.LastDetectedAt).HasColumnName("last_detected_at"));
            e.Property(x => x.Status).HasColumnName("status").HasMaxLength(16).IsRequired();
            e.Property(x => x.Assignee).HasColumnName("assignee").HasMaxLength(256);
            e.HasIndex(x => x.Key).IsUnique().HasDatabaseName("ux_alerts_key");
            e.HasIndex(x => new { x.Status, x.WindowEnd }).HasDatabaseName("ix_alerts_status");
            e.HasIndex(x => new { x.Detector, x.WindowEnd }).HasDatabaseName("ix_alerts_detector");
        });
        modelBuilder.Entity<AlertHistory>(e =>
        {
            e.ToTable("alert_history", t =>
            {
                t.HasTrigger("alert_history_no_update");
                t.HasTrigger("alert_history_no_delete");
            });
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.AlertId).HasColumnName("alert_id");
            provider.Time(e.Property(x => x.At).HasColumnName("at"));
            e.Property(x => x.Actor).HasColumnName("actor").HasMaxLength(256).IsRequired();
            e.Property(x => x.FromStatus).HasColumnName("from_status").HasMaxLength(16);
            e.Property(x => x.ToStatus).HasColumnName("to_status").HasMaxLength(16).IsRequired();
            e.Property(x => x.Note).HasColumnName("note");
            e.HasIndex(x => x.AlertId).HasDatabaseName("ix_alert_history_alert");
            e.HasOne<Alert>().WithMany().HasForeignKey(x => x.AlertId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<DetectionState>(e =>
        {
            e.ToTable("detection_state");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.LastSeq).HasColumnName("last_seq");
        });
    }
}
