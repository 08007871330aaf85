using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Web.Integrity;

/// <summary>
/// Verifies the whole chain and the Merkle log at start and then every <c>Integrity:VerifyIntervalMinutes</c>
/// (default 60), against the latest published checkpoint (outside the database) and the latest one kept; a failure
/// raises the integrity_break alert.
/// </summary>
public sealed class IntegrityMonitor(IDbContextFactory<AuditDbContext> dbFactory, IntegrityStatus status, DetectionRunner detection, LogSigning signing,
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
                var result = await VerifyAsync(db, stoppingToken);
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

    private async Task<VerificationResult> VerifyAsync(AuditDbContext db, CancellationToken cancellationToken)
    {
        var checkpoints = new List<Checkpoint>();
        var notes = new List<(string Source, string Note)>();
        if (signing.Maker.Publisher?.ReadLatest() is { } published) notes.Add(($"the published checkpoint in {signing.Maker.Publisher.Directory}", published));
        var keyId = (long)signing.Verifier.KeyId;
        var kept = await db.LogCheckpoints.AsNoTracking().Where(c => c.KeyId == keyId).OrderByDescending(c => c.Size).Select(c => c.Note).FirstOrDefaultAsync(cancellationToken);
        if (kept is not null) notes.Add(("the latest checkpoint kept in the database", kept));
        foreach (var (source, note) in notes)
        {
            try
            {
                checkpoints.Add(SignedCheckpoints.Open(note, signing.Verifiers, source));
            }
            catch (FormatException ex)
            {
                return new VerificationResult(false, 0, 0, "", BreakKind.Forked, 1, ex.Message);
            }
        }
        return await ChainVerifier.VerifyAsync(db, checkpoints, cancellationToken: cancellationToken);
    }
}
