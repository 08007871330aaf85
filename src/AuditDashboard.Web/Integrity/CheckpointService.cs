using AuditDashboard.Core.Coordination;
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
/// shows on the overview. Of several instances on one store only the holder of the <c>checkpoints</c> lease signs
/// on schedule (another takes over when it stops renewing); a report signs the size it needs whoever holds it.
/// </summary>
public sealed class CheckpointService(IDbContextFactory<AuditDbContext> dbFactory, LogSigning signing, IntegrityStatus status, DetectionRunner detection,
    LeaseStore leases, IOptions<IntegrityOptions> options, TimeProvider clock, ILogger<CheckpointService> logger) : BackgroundService
{
    public const string LeaseName = "checkpoints";

    private bool _holding;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.CheckpointIntervalMinutes);
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                // Held a minute past the next round, so a live holder always renews before it runs out.
                _holding = await leases.TryAcquireAsync(LeaseName, interval + TimeSpan.FromMinutes(1), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The checkpoints lease could not be read; the next round retries");
                _holding = false;
            }
            if (_holding) await CheckpointAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!_holding) return;
        try
        {
            await leases.ReleaseAsync(LeaseName, cancellationToken);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or System.Data.Common.DbException or OperationCanceledException)
        {
            logger.LogDebug(ex, "The checkpoints lease was not released at shutdown; it runs out by itself");
        }
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
