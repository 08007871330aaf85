using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Web.Integrity;

/// <summary>
/// Verifies the whole chain at start and then every <c>Integrity:VerifyIntervalMinutes</c> (default 60); a failure
/// raises the integrity_break alert.
/// </summary>
public sealed class IntegrityMonitor(IDbContextFactory<AuditDbContext> dbFactory, IntegrityStatus status, DetectionRunner detection,
    IOptions<IntegrityOptions> options, TimeProvider clock, ILogger<IntegrityMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.VerifyIntervalMinutes);
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                var result = await ChainVerifier.VerifyAsync(db, cancellationToken: stoppingToken);
                status.Record(result, clock.GetUtcNow().UtcDateTime);
                if (!result.Intact)
                {
                    logger.LogCritical("Integrity check failed at seq {Seq} ({Kind}): {Message}", result.FirstBrokenSeq, result.Kind, result.Message);
                    await detection.RecordVerificationAsync(result, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The integrity check could not run");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
