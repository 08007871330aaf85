using AuditDashboard.Core.Detection;

namespace AuditDashboard.Web.Alerts;

/// <summary>Feeds newly stored events to the live detectors every few seconds (detection on ingest, off its path).</summary>
public sealed class DetectionService(DetectionRunner runner, ILogger<DetectionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        do
        {
            try
            {
                int opened = await runner.CatchUpAsync(stoppingToken);
                if (opened > 0) logger.LogWarning("Detection opened {Count} new alert(s)", opened);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Detection failed; the next round retries");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
