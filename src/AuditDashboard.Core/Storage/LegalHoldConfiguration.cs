using AuditDashboard.Core.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuditDashboard.Core.Storage;

internal sealed class LegalHoldConfiguration(StoreProvider provider) : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> e)
    {
        e.ToTable("legal_holds");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.Reason).HasColumnName("reason").HasMaxLength(1024).IsRequired();
        e.Property(x => x.Source).HasColumnName("source").HasMaxLength(256);
        e.Property(x => x.User).HasColumnName("user_id").HasMaxLength(256);
        provider.Time(e.Property(x => x.From).HasColumnName("period_from"));
        provider.Time(e.Property(x => x.To).HasColumnName("period_to"));
        provider.Time(e.Property(x => x.PlacedAt).HasColumnName("placed_at"));
        e.Property(x => x.PlacedBy).HasColumnName("placed_by").HasMaxLength(256).IsRequired();
        provider.Time(e.Property(x => x.ReleasedAt).HasColumnName("released_at"));
        e.Property(x => x.ReleasedBy).HasColumnName("released_by").HasMaxLength(256);
        e.Property(x => x.ReleaseReason).HasColumnName("release_reason").HasMaxLength(1024);
        e.Ignore(x => x.InForce);
    }
}
