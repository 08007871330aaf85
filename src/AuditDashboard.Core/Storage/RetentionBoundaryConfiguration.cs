using AuditDashboard.Core.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuditDashboard.Core.Storage;

internal sealed class RetentionBoundaryConfiguration(StoreProvider provider) : IEntityTypeConfiguration<RetentionBoundary>
{
    public void Configure(EntityTypeBuilder<RetentionBoundary> e)
    {
        e.ToTable("retention_boundaries", t =>
        {
            t.HasTrigger("retention_boundaries_no_update");
            t.HasTrigger("retention_boundaries_no_delete");
            if (provider.GuardsReplaceByTrigger) t.HasTrigger("retention_boundaries_no_replace");
        });
        e.HasKey(x => x.LastSeq);
        e.Property(x => x.LastSeq).HasColumnName("last_seq").ValueGeneratedNever();
        e.Property(x => x.FirstSeq).HasColumnName("first_seq");
        e.Property(x => x.Month).HasColumnName("month").HasMaxLength(7).IsRequired();
        e.Property(x => x.LastHash).HasColumnName("last_hash").HasMaxLength(32).IsRequired();
        e.Property(x => x.CheckpointSize).HasColumnName("checkpoint_size");
        e.Property(x => x.CheckpointNote).HasColumnName("checkpoint_note").IsRequired();
        e.Property(x => x.Archive).HasColumnName("archive").HasMaxLength(256).IsRequired();
        e.Property(x => x.ArchiveSha256).HasColumnName("archive_sha256").HasMaxLength(32).IsRequired();
        provider.Time(e.Property(x => x.PurgedAt).HasColumnName("purged_at"));
        e.Property(x => x.PurgedBy).HasColumnName("purged_by").HasMaxLength(256).IsRequired();
        e.Ignore(x => x.Count);
    }
}
