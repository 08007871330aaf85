using AuditDashboard.Core.Coordination;
using AuditDashboard.Core.Detection;

namespace AuditDashboard.Web.Alerts;

/// <summary>
/// Feeds newly stored events to the live detectors every few seconds (detection on ingest, off its path). Of several
/// processes on one store, only the holder of the <c>detection</c> lease runs them, so none sees an event twice
/// or fights over the cursor; another takes over when the holder stops renewing.
/// </summary>
public sealed class DetectionService(DetectionRunner runner, LeaseStore leases, ILogger<DetectionService> logger) : BackgroundService
{
    public const string LeaseName = "detection";
    public static readonly TimeSpan Round = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(30);

    private bool _holding;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Round);
        do
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Detection failed; the next round retries");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: renew or take the lease, and run the detectors only while holding it.</summary>
    public async Task<int> RoundAsync(CancellationToken cancellationToken)
    {
        bool held = await leases.TryAcquireAsync(LeaseName, LeaseTime, cancellationToken);
        if (held && !_holding)
        {
            await runner.ResetLiveAsync(cancellationToken);
            logger.LogInformation("This instance runs the live detectors ({Holder})", leases.Holder);
        }
        _holding = held;
        if (!held) return 0;
        int opened = await runner.CatchUpAsync(cancellationToken);
        if (opened > 0) logger.LogWarning("Detection opened {Count} new alert(s)", opened);
        return opened;
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
            // Only a courtesy to the next holder: an unreleased lease runs out by itself.
            logger.LogDebug(ex, "The detection lease was not released at shutdown; it runs out in {LeaseTime}", LeaseTime);
        }
    }
}
