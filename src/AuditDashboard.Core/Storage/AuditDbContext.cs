using AuditDashboard.Core.ApiKeys;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Integrity;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Storage;

public sealed class AuditDbContext(DbContextOptions<AuditDbContext> options) : DbContext(options)
{
    public const string EventsTable = "access_events";
    public const string ChainHeadsTable = "chain_heads";
    public const string ApiKeysTable = "api_keys";

    public DbSet<AccessEvent> Events => Set<AccessEvent>();

    /// <summary>A new context on the same store with a connection of its own, for a read that runs beside this one's.</summary>
    public AuditDbContext Sibling() =>
        new((DbContextOptions<AuditDbContext>)Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions
            .GetService<Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions>(this));
    public DbSet<ChainHead> ChainHeads => Set<ChainHead>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Overview.HourlyCount> HourlyCounts => Set<Overview.HourlyCount>();
    public DbSet<Overview.DailyActor> DailyActors => Set<Overview.DailyActor>();
    public DbSet<Overview.AggregateState> AggregateStates => Set<Overview.AggregateState>();
    public DbSet<Overview.SessionAggregate> SessionAggregates => Set<Overview.SessionAggregate>();
    public DbSet<Overview.SessionValue> SessionValues => Set<Overview.SessionValue>();
    public DbSet<Overview.DashboardUse> DashboardUse => Set<Overview.DashboardUse>();
    public DbSet<Overview.NameEntry> Names => Set<Overview.NameEntry>();
    public DbSet<Detection.Alert> Alerts => Set<Detection.Alert>();
    public DbSet<Detection.AlertHistory> AlertHistory => Set<Detection.AlertHistory>();
    public DbSet<Detection.DetectionState> DetectionStates => Set<Detection.DetectionState>();
    public DbSet<Compliance.GeneratedReport> Reports => Set<Compliance.GeneratedReport>();
    public DbSet<SignIn.DashboardSession> DashboardSessions => Set<SignIn.DashboardSession>();
    public DbSet<Coordination.Lease> Leases => Set<Coordination.Lease>();
    public DbSet<Coordination.ProtectionKey> ProtectionKeys => Set<Coordination.ProtectionKey>();
    public DbSet<Retention.LegalHold> LegalHolds => Set<Retention.LegalHold>();
    public DbSet<Retention.RetentionBoundary> RetentionBoundaries => Set<Retention.RetentionBoundary>();
    public DbSet<Integrity.Log.LogTile> LogTiles => Set<Integrity.Log.LogTile>();
    public DbSet<Integrity.Log.LogCheckpoint> LogCheckpoints => Set<Integrity.Log.LogCheckpoint>();
    public DbSet<Integrity.Log.LogCosignature> LogCosignatures => Set<Integrity.Log.LogCosignature>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var provider = StoreProvider.For(Database);
        modelBuilder.ApplyConfiguration(new AccessEventConfiguration(provider));
        modelBuilder.ApplyConfiguration(new ChainHeadConfiguration(provider));
        modelBuilder.ApplyConfiguration(new ApiKeyConfiguration());
        AggregateConfiguration.Configure(modelBuilder, provider);
        DetectionConfiguration.Configure(modelBuilder, provider);
        ReportConfiguration.Configure(modelBuilder, provider);
        modelBuilder.ApplyConfiguration(new DashboardSessionConfiguration(provider));
        modelBuilder.ApplyConfiguration(new LeaseConfiguration(provider));
        modelBuilder.ApplyConfiguration(new ProtectionKeyConfiguration(provider));
        modelBuilder.ApplyConfiguration(new LegalHoldConfiguration(provider));
        modelBuilder.ApplyConfiguration(new RetentionBoundaryConfiguration(provider));
        modelBuilder.ApplyConfiguration(new LogTileConfiguration());
        modelBuilder.ApplyConfiguration<Integrity.Log.LogCheckpoint>(new LogCheckpointConfiguration(provider));
        modelBuilder.ApplyConfiguration<Integrity.Log.LogCosignature>(new LogCheckpointConfiguration(provider));
        provider.Finish(modelBuilder);
    }
}
