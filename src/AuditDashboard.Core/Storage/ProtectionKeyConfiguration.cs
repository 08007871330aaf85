using AuditDashboard.Core.Coordination;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuditDashboard.Core.Storage;

internal sealed class ProtectionKeyConfiguration(StoreProvider provider) : IEntityTypeConfiguration<ProtectionKey>
{
    public void Configure(EntityTypeBuilder<ProtectionKey> e)
    {
        e.ToTable("data_protection_keys");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.FriendlyName).HasColumnName("friendly_name").HasMaxLength(256);
        e.Property(x => x.Xml).HasColumnName("xml").IsRequired();
        provider.Time(e.Property(x => x.StoredAt).HasColumnName("stored_at"));
    }
}
