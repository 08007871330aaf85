using AuditDashboard.Core.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuditDashboard.Core.Storage;

internal sealed class DashboardSessionConfiguration(StoreProvider provider) : IEntityTypeConfiguration<DashboardSession>
{
    public void Configure(EntityTypeBuilder<DashboardSession> e)
    {
        e.ToTable("dashboard_sessions");
        e.HasKey(x => x.IdHash);
        e.Property(x => x.IdHash).HasColumnName("id_hash").HasMaxLength(64);
        e.Property(x => x.UserName).HasColumnName("user_name").HasMaxLength(256).IsRequired();
        e.Property(x => x.Roles).HasColumnName("roles").HasMaxLength(512).IsRequired();
        e.HasIndex(x => x.UserName).HasDatabaseName("ix_dashboard_sessions_user_name");
        provider.Time(e.Property(x => x.CreatedAt).HasColumnName("created_at"));
        provider.Time(e.Property(x => x.LastSeenAt).HasColumnName("last_seen_at"));
        var ended = e.Property(x => x.EndedAt).HasColumnName("ended_at");
        provider.Time(ended);
        e.Property(x => x.EndReason).HasColumnName("end_reason").HasMaxLength(32);
    }
}
