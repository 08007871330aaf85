using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Web.Storage;

/// <summary>Creates and migrates the database, and gives the Merkle log any leaves it lacks, before the app takes requests.</summary>
public sealed class StoreInitializer(IDbContextFactory<AuditDbContext> dbFactory, ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AuditStore.MigrateAsync(db, cancellationToken);
        await AuditDashboard.Core.Integrity.Log.LogBackfill.CatchUpStoreAsync(dbFactory, cancellationToken);
        logger.LogInformation("Audit store ready ({Provider})", db.Database.ProviderName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
