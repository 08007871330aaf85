using AuditDashboard.Core.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuditDashboard.Core.Storage;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> e)
    {
        e.ToTable(AuditDbContext.ApiKeysTable);
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.Name).HasColumnName("name").HasMaxLength(128).IsRequired();
        e.Property(x => x.Prefix).HasColumnName("prefix").HasMaxLength(32).IsRequired();
        e.Property(x => x.KeyHash).HasColumnName("key_hash").HasMaxLength(32).IsRequired();
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.Property(x => x.RevokedAt).HasColumnName("revoked_at");
        e.Property(x => x.Sources).HasColumnName("sources").HasMaxLength(4096);
        e.Ignore(x => x.IsActive);
        e.HasIndex(x => x.KeyHash).IsUnique().HasDatabaseName("ux_api_keys_key_hash");
        e.HasIndex(x => x.Name).IsUnique().HasDatabaseName("ux_api_keys_name");
    }
}
