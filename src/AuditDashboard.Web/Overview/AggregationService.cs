using AuditDashboard.Core.Overview;

namespace AuditDashboard.Web.Overview;

/// <summary>Counts new events into the overview's aggregates every few seconds.</summary>
public sealed class AggregationService(Aggregator aggregator, ILogger<AggregationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        do
        {
            try
            {
                await aggregator.CatchUpAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Updating the overview aggregates failed; the next round retries");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
