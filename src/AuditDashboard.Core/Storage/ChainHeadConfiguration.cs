using AuditDashboard.Core.Integrity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuditDashboard.Core.Storage;

internal sealed class ChainHeadConfiguration(StoreProvider provider) : IEntityTypeConfiguration<ChainHead>
{
    public void Configure(EntityTypeBuilder<ChainHead> e)
    {
        e.ToTable(AuditDbContext.ChainHeadsTable, t =>
        {
            t.HasTrigger("chain_heads_no_update");
            t.HasTrigger("chain_heads_no_delete");
            if (provider.GuardsReplaceByTrigger) t.HasTrigger("chain_heads_no_replace");
        });
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.FirstSeq).HasColumnName("first_seq");
        e.Property(x => x.LastSeq).HasColumnName("last_seq");
        e.Property(x => x.Hash).HasColumnName("hash").HasMaxLength(32).IsRequired();
        e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
        e.Property(x => x.Origin).HasColumnName("origin").HasMaxLength(256).IsRequired();
        e.HasIndex(x => x.LastSeq).HasDatabaseName("ix_chain_heads_last_seq");
    }
}
