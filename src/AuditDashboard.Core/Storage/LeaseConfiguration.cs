using AuditDashboard.Core.Coordination;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuditDashboard.Core.Storage;

internal sealed class LeaseConfiguration(StoreProvider provider) : IEntityTypeConfiguration<Lease>
{
    public void Configure(EntityTypeBuilder<Lease> e)
    {
        e.ToTable("leases");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasColumnName("name").HasMaxLength(64);
        e.Property(x => x.Holder).HasColumnName("holder").HasMaxLength(160).IsRequired();
        provider.Time(e.Property(x => x.ExpiresAt).HasColumnName("expires_at"));
    }
}
