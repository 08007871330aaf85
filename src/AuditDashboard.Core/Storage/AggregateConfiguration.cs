using AuditDashboard.Core.Overview;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Storage;

/// <summary>The overview's aggregate tables: mutable, derived from the events, and never part of the evidence.</summary>
internal static class AggregateConfiguration
{
    public static void Configure(ModelBuilder modelBuilder, StoreProvider provider)
    {
        modelBuilder.Entity<HourlyCount>(e =>
        {
            e.ToTable("agg_hourly");
            e.HasKey(x => new { x.Hour, x.EventType, x.Outcome });
            var hour = e.Property(x => x.Hour).HasColumnName("hour");
            provider.Time(hour, wholeSeconds: true);
            e.Property(x => x.EventType).HasColumnName("event_type").HasMaxLength(32);
            e.Property(x => x.Outcome).HasColumnName("outcome").HasMaxLength(16);
            e.Property(x => x.Count).HasColumnName("count");
        });
        modelBuilder.Entity<DailyActor>(e =>
        {
            e.ToTable("agg_daily_actor");
            e.HasKey(x => new { x.Kind, x.Day, x.Value });
            var day = e.Property(x => x.Day).HasColumnName("day");
            provider.Time(day, wholeSeconds: true);
            e.Property(x => x.Kind).HasColumnName("kind").HasMaxLength(16);
            e.Property(x => x.Value).HasColumnName("value").HasMaxLength(256);
            e.Property(x => x.Events).HasColumnName("events");
            e.Property(x => x.Failures).HasColumnName("failures");
            e.Property(x => x.SignInFailures).HasColumnName("sign_in_failures");
        });
        modelBuilder.Entity<SessionAggregate>(e =>
        {
            e.ToTable("agg_session");
            e.HasKey(x => x.SessionId);
            e.Property(x => x.SessionId).HasColumnName("session_id").HasMaxLength(256);
            e.Property(x => x.UserId).HasColumnName("user_id").HasMaxLength(256);
            e.Property(x => x.Username).HasColumnName("username");
            e.Property(x => x.ClientId).HasColumnName("client_id").HasMaxLength(256);
            var first = e.Property(x => x.FirstSeen).HasColumnName("first_seen");
            var last = e.Property(x => x.LastSeen).HasColumnName("last_seen");
            provider.Time(first);
            provider.Time(last);
            e.Property(x => x.Events).HasColumnName("events");
            e.Property(x => x.Failures).HasColumnName("failures");
            e.Property(x => x.DistinctIps).HasColumnName("distinct_ips");
            e.Property(x => x.DistinctCountries).HasColumnName("distinct_countries");
            e.Property(x => x.DistinctNetworks).HasColumnName("distinct_networks");
            e.HasIndex(x => new { x.UserId, x.LastSeen }).HasDatabaseName("ix_agg_session_user");
            // One index per order of the sessions list, each ending in the session id for the keyset.
            e.HasIndex(x => new { x.LastSeen, x.SessionId }).HasDatabaseName("ix_agg_session_last_seen");
            e.HasIndex(x => new { x.FirstSeen, x.SessionId }).HasDatabaseName("ix_agg_session_first_seen_id");
            e.HasIndex(x => new { x.Events, x.SessionId }).HasDatabaseName("ix_agg_session_events_id");
            e.HasIndex(x => new { x.Failures, x.SessionId }).HasDatabaseName("ix_agg_session_failures_id");
        });
        modelBuilder.Entity<SessionValue>(e =>
        {
            e.ToTable("agg_session_value");
            e.HasKey(x => new { x.SessionId, x.Kind, x.Value });
            e.HasIndex(x => new { x.Kind, x.Value }).HasDatabaseName("ix_agg_session_value_value"); // sessions seen from an IP
            e.Property(x => x.SessionId).HasColumnName("session_id").HasMaxLength(256);
            e.Property(x => x.Kind).HasColumnName("kind").HasMaxLength(16);
            e.Property(x => x.Value).HasColumnName("value").HasMaxLength(256);
        });
        modelBuilder.Entity<DashboardUse>(e =>
        {
            e.ToTable("agg_dashboard_use");
            e.HasKey(x => new { x.Day, x.Person, x.Action, x.Outcome });
            var day = e.Property(x => x.Day).HasColumnName("day");
            provider.Time(day, wholeSeconds: true);
            e.Property(x => x.Person).HasColumnName("person").HasMaxLength(256);
            e.Property(x => x.Action).HasColumnName("action").HasMaxLength(64);
            e.Property(x => x.Outcome).HasColumnName("outcome").HasMaxLength(16);
            e.Property(x => x.Count).HasColumnName("count");
        });
        modelBuilder.Entity<NameEntry>(e =>
        {
            e.ToTable("agg_name");
            e.HasKey(x => new { x.Kind, x.Key, x.Value });
            e.Property(x => x.Kind).HasColumnName("kind").HasMaxLength(16);
            e.Property(x => x.Key).HasColumnName("key").HasMaxLength(NameIndexer.MaxLength);
            e.Property(x => x.Value).HasColumnName("value").HasMaxLength(NameIndexer.MaxLength);
        });
        modelBuilder.Entity<AggregateState>(e =>
        {
            e.ToTable("agg_state");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.LastSeq).HasColumnName("last_seq");
        });
    }
}
