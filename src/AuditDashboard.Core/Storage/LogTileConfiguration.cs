using AuditDashboard.Core.Integrity.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuditDashboard.Core.Storage;

internal sealed class LogTileConfiguration : IEntityTypeConfiguration<LogTile>
{
    public void Configure(EntityTypeBuilder<LogTile> e)
    {
        e.ToTable("log_tiles");
        e.HasKey(x => new { x.Level, x.Index });
        e.Property(x => x.Level).HasColumnName("level");
        e.Property(x => x.Index).HasColumnName("tile_index");
        e.Property(x => x.Hashes).HasColumnName("hashes").HasMaxLength(LogTile.Width * MerkleHash.Size).IsRequired();
        e.Ignore(x => x.Count);
    }
}
