using AuditDashboard.Core.Integrity.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuditDashboard.Core.Storage;

internal sealed class LogCheckpointConfiguration(StoreProvider provider) : IEntityTypeConfiguration<LogCheckpoint>, IEntityTypeConfiguration<LogCosignature>
{
    public void Configure(EntityTypeBuilder<LogCheckpoint> e)
    {
        e.ToTable("log_checkpoints", t =>
        {
            t.HasTrigger("log_checkpoints_no_update");
            t.HasTrigger("log_checkpoints_no_delete");
        });
        e.HasKey(x => new { x.Size, x.KeyId });
        e.Property(x => x.Size).HasColumnName("tree_size").ValueGeneratedNever();
        e.Property(x => x.KeyId).HasColumnName("key_id").ValueGeneratedNever();
        e.Property(x => x.Root).HasColumnName("root").HasMaxLength(MerkleHash.Size).IsRequired();
        provider.Time(e.Property(x => x.MadeAt).HasColumnName("made_at"));
        e.Property(x => x.Note).HasColumnName("note").HasMaxLength(8192).IsRequired();
    }

    public void Configure(EntityTypeBuilder<LogCosignature> e)
    {
        e.ToTable("log_cosignatures", t =>
        {
            t.HasTrigger("log_cosignatures_no_update");
            t.HasTrigger("log_cosignatures_no_delete");
        });
        e.HasKey(x => new { x.CheckpointSize, x.Witness, x.KeyId });
        e.Property(x => x.CheckpointSize).HasColumnName("tree_size");
        e.Property(x => x.Witness).HasColumnName("witness").HasMaxLength(256);
        e.Property(x => x.KeyId).HasColumnName("key_id");
        e.Property(x => x.Line).HasColumnName("line").HasMaxLength(1024).IsRequired();
        provider.Time(e.Property(x => x.SignedAt).HasColumnName("signed_at"));
        provider.Time(e.Property(x => x.AddedAt).HasColumnName("added_at"));
    }
}
