using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Web.Storage;

/// <summary>Creates and migrates the database (or, with Database:MigrateOnStart=false, checks it is current), and gives the Merkle log any leaves it lacks, before the app takes requests.</summary>
public sealed class StoreInitializer(IDbContextFactory<AuditDbContext> dbFactory, Microsoft.Extensions.Options.IOptions<DatabaseOptions> options,
    ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (options.Value.MigrateOnStart)
        {
            await AuditStore.MigrateAsync(db, cancellationToken);
        }
        else
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
                throw new InvalidOperationException($"the database schema is {pending.Count} migration(s) behind this build and Database:MigrateOnStart is false: " +
                    "apply them with 'auditdash migrate' under a principal allowed to change the schema (docs/deployment.md)");
        }
        if (options.Value.RequireEncryptionAtRest && await StoreProtection.ReadAsync(db, cancellationToken) is { EncryptedAtRest: not true } protection)
            throw new InvalidOperationException($"Database:RequireEncryptionAtRest is true, but the database is not reported encrypted at rest: {protection.AtRest}");
        await AuditDashboard.Core.Integrity.Log.LogBackfill.CatchUpStoreAsync(dbFactory, cancellationToken);
        logger.LogInformation("Audit store ready ({Provider})", db.Database.ProviderName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
