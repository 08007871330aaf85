using AuditDashboard.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuditDashboard.Core.Storage;

/// <summary>
/// Column names are snake_case and identical across providers, so the fast insert path
/// (<see cref="EventTable"/>) and external verifiers see one schema.
/// </summary>
internal sealed class AccessEventConfiguration(StoreProvider provider) : IEntityTypeConfiguration<AccessEvent>
{
    public void Configure(EntityTypeBuilder<AccessEvent> e)
    {
        // The triggers are created by each provider's migration; declaring them keeps EF from
        // using RETURNING/OUTPUT on this table, which triggers forbid on SQL Server.
        e.ToTable(AuditDbContext.EventsTable, t =>
        {
            // On SQL Server 2022 / Azure SQL the table is an append-only ledger table instead of these two.
            t.HasTrigger("access_events_no_update");
            t.HasTrigger("access_events_no_delete");
            t.HasTrigger("access_events_seq_order");
            if (provider.GuardsReplaceByTrigger) t.HasTrigger("access_events_no_replace");
        });
        e.HasKey(x => x.Seq);
        e.Property(x => x.Seq).HasColumnName("seq").ValueGeneratedNever();
        var received = e.Property(x => x.ReceivedAt).HasColumnName("received_at");
        var timestamp = e.Property(x => x.Timestamp).HasColumnName("timestamp");
        provider.Time(received);
        provider.Time(timestamp);
        e.Property(x => x.EventId).HasColumnName("event_id").HasMaxLength(128).IsRequired();
        e.Property(x => x.EventType).HasColumnName("event_type").HasMaxLength(32).IsRequired();
        e.Property(x => x.Outcome).HasColumnName("outcome").HasMaxLength(16).IsRequired();
        e.Property(x => x.Reason).HasColumnName("reason");
        e.Property(x => x.Source).HasColumnName("source").HasMaxLength(256).IsRequired();
        e.Property(x => x.UserId).HasColumnName("user_id").HasMaxLength(256);
        e.Property(x => x.Username).HasColumnName("username");
        e.Property(x => x.ClientId).HasColumnName("client_id").HasMaxLength(256);
        e.Property(x => x.SessionId).HasColumnName("session_id").HasMaxLength(256);
        e.Property(x => x.CorrelationId).HasColumnName("correlation_id").HasMaxLength(256);
        e.Property(x => x.TraceId).HasColumnName("trace_id").HasMaxLength(32);
        e.Property(x => x.TokenId).HasColumnName("token_id").HasMaxLength(256);
        e.Property(x => x.TokenType).HasColumnName("token_type").HasMaxLength(32);
        e.Property(x => x.ParentTokenId).HasColumnName("parent_token_id").HasMaxLength(256);
        e.Property(x => x.GrantType).HasColumnName("grant_type");
        e.Property(x => x.Scope).HasColumnName("scope");
        e.Property(x => x.Roles).HasColumnName("roles");
        e.Property(x => x.Issuer).HasColumnName("issuer");
        e.Property(x => x.Audience).HasColumnName("audience");
        e.Property(x => x.Endpoint).HasColumnName("endpoint");
        e.Property(x => x.HttpMethod).HasColumnName("http_method").HasMaxLength(16);
        e.Property(x => x.HttpStatus).HasColumnName("http_status");
        e.Property(x => x.Resource).HasColumnName("resource");
        e.Property(x => x.Ip).HasColumnName("ip").HasMaxLength(64);
        e.Property(x => x.UserAgent).HasColumnName("user_agent");
        e.Property(x => x.GeoCountry).HasColumnName("geo_country");
        e.Property(x => x.GeoCity).HasColumnName("geo_city");
        e.Property(x => x.GeoLat).HasColumnName("geo_lat");
        e.Property(x => x.GeoLon).HasColumnName("geo_lon");
        e.Property(x => x.GeoAsn).HasColumnName("geo_asn");
        e.Property(x => x.Attributes).HasColumnName("attributes");
        e.Property(x => x.PrevHash).HasColumnName("prev_hash").HasMaxLength(32).IsRequired();
        e.Property(x => x.Hash).HasColumnName("hash").HasMaxLength(32).IsRequired();

        // What the dashboard asks (README, Speed: Indexes). Sparse columns get filtered indexes so rows
        // without a value cost nothing to insert; every index is paid for on every append.
        e.HasIndex(x => new { x.Source, x.EventId }).IsUnique().HasDatabaseName("ux_access_events_source_event_id");
        e.HasIndex(x => x.Timestamp).HasDatabaseName("ix_access_events_timestamp");
        e.HasIndex(x => new { x.UserId, x.Timestamp }).HasDatabaseName("ix_access_events_user").HasFilter("user_id IS NOT NULL");
        e.HasIndex(x => new { x.SessionId, x.Timestamp }).HasDatabaseName("ix_access_events_session").HasFilter("session_id IS NOT NULL");
        e.HasIndex(x => x.CorrelationId).HasDatabaseName("ix_access_events_correlation").HasFilter("correlation_id IS NOT NULL");
        e.HasIndex(x => x.TraceId).HasDatabaseName("ix_access_events_trace").HasFilter("trace_id IS NOT NULL");
        e.HasIndex(x => new { x.ClientId, x.Timestamp }).HasDatabaseName("ix_access_events_client").HasFilter("client_id IS NOT NULL");
        e.HasIndex(x => new { x.Ip, x.Timestamp }).HasDatabaseName("ix_access_events_ip").HasFilter("ip IS NOT NULL");
        e.HasIndex(x => new { x.EventType, x.Timestamp }).HasDatabaseName("ix_access_events_type");
        // Token lifecycles: a session trace follows refresh descendants and every use of its tokens.
        e.HasIndex(x => x.TokenId).HasDatabaseName("ix_access_events_token").HasFilter("token_id IS NOT NULL");
        e.HasIndex(x => x.ParentTokenId).HasDatabaseName("ix_access_events_parent_token").HasFilter("parent_token_id IS NOT NULL");
    }
}
