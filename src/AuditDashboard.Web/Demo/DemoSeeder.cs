using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Simulation;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Web.Demo;

/// <summary>
/// Fills an empty embedded (SQLite) store with demo traffic through the ingest service, so a first run has
/// something to look at. Never touches SQL Server or a store that already holds events.
/// </summary>
public sealed class DemoSeeder(
    IOptions<DemoOptions> demo,
    IOptions<DatabaseOptions> database,
    IDbContextFactory<AuditDbContext> dbFactory,
    SimulationRunner runner,
    DetectionRunner detection,
    ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!demo.Value.SeedOnEmpty || !database.Value.IsSqlite) return;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Events.AnyAsync(cancellationToken)) return;
        }
        var options = demo.Value.Simulation;
        logger.LogInformation("Empty store: seeding {Days} days of demo traffic for {Users} users (seed {Seed})", options.Days, options.Users, options.Seed);
        var summary = await runner.RunAsync(options, "web:demo-seed", cancellationToken: cancellationToken);
        logger.LogInformation("Demo traffic seeded: {Accepted} events, chain head seq {Seq}", summary.Accepted, summary.HeadSeq);
        // As `auditdash detect` would: the injected attacks are alerts from the first start on.
        int alerts = await detection.BackfillAsync(null, null, cancellationToken: cancellationToken);
        logger.LogInformation("Detection over the demo traffic opened {Alerts} alerts", alerts);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
