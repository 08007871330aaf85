using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Web.Integrity;

/// <summary>
/// Signs a checkpoint at start and every <c>Integrity:CheckpointIntervalMinutes</c> when the tree grew, and
/// publishes it. A refusal (the store no longer extends what was signed or published) raises integrity_break and
/// shows on the overview.
/// </summary>
public sealed class CheckpointService(IDbContextFactory<AuditDbContext> dbFactory, LogSigning signing, IntegrityStatus status, DetectionRunner detection,
    IOptions<IntegrityOptions> options, TimeProvider clock, ILogger<CheckpointService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.CheckpointIntervalMinutes));
        do
        {
            await CheckpointAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<LogCheckpoint?> CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await signing.Maker.MakeAsync(db, cancellationToken);
        }
        catch (LogConsistencyException ex)
        {
            var result = ex.ToResult();
            logger.LogCritical("Checkpoint refused ({Kind}): {Message}", result.Kind, result.Message);
            status.Record(result, clock.GetUtcNow().UtcDateTime);
            await detection.RecordVerificationAsync(result, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "No checkpoint could be made");
        }
        return null;
    }
}
