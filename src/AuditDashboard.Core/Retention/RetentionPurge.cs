using System.Globalization;
using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Retention;

/// <summary>
/// Lets the months past <c>Retention:Months</c> leave, oldest first, each only once a signed checkpoint covers it, its
/// archive is written to the publish directory and read back against the chain and the log, and no legal hold keeps
/// it. Each month's boundary is recorded and its events removed in one transaction holding the chain's lock; then
/// the purge is recorded in the chain. The Merkle tree keeps every leaf (hashes only), so the signed history stays
/// whole and every kept event remains provable against checkpoints made before and after.
/// </summary>
public sealed class RetentionPurge(IDbContextFactory<AuditDbContext> dbFactory, CheckpointMaker maker, TimeProvider clock)
{
    public async Task<RetentionResult> ApplyAsync(int months, string by, bool dryRun, CancellationToken cancellationToken = default)
    {
        var publish = maker.Publisher?.Directory
                      ?? throw new InvalidOperationException("retention needs Integrity:PublishDirectory: a month leaves only after its events and the log's tiles are archived there");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await RetentionPlanner.PlanAsync(db, months, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var leaving = plan.Where(m => m.KeptBecause is null).ToList();
        if (dryRun || leaving.Count == 0) return new RetentionResult(plan, [], null);

        // One checkpoint covers every month that leaves: signed now, kept and published with its tiles.
        var checkpoint = await maker.MakeAsync(db, cancellationToken) ?? throw new InvalidOperationException("the log is empty: there is nothing to let go");
        if (checkpoint.Size < leaving[^1].LastSeq)
            throw new InvalidOperationException($"the signed log covers {checkpoint.Size} events, not yet seq {leaving[^1].LastSeq}: run again once the log has caught up");
        var purged = new List<RetentionBoundary>();
        foreach (var month in leaving)
        {
            var sha = await MonthArchive.WriteAsync(db, publish, month, checkpoint, cancellationToken);
            var boundary = new RetentionBoundary
            {
                Month = month.Name, FirstSeq = month.FirstSeq, LastSeq = month.LastSeq, CheckpointSize = checkpoint.Size, CheckpointNote = checkpoint.Note,
                Archive = MonthArchive.RelativePath(month), ArchiveSha256 = sha, PurgedAt = clock.GetUtcNow().UtcDateTime, PurgedBy = by,
                LastHash = await db.Events.AsNoTracking().Where(e => e.Seq == month.LastSeq).Select(e => e.Hash).SingleAsync(cancellationToken),
            };
            await using (var tx = await ExclusiveTransaction.BeginAsync(db, ExclusiveTransaction.Chain, cancellationToken))
            {
                db.RetentionBoundaries.Add(boundary);
                await db.SaveChangesAsync(cancellationToken);
                long removed = await StoreProvider.For(db).PurgeAsync(db, boundary, month.Start, cancellationToken);
                if (removed != month.Count)
                    throw new InvalidOperationException($"{removed} events of {month.Name} would have left, not its {month.Count}: nothing was removed");
                await tx.CommitAsync(cancellationToken);
            }
            db.ChangeTracker.Clear();
            purged.Add(boundary);
            await DashboardAudit.RecordAsync(dbFactory, clock, by, "cli:retention", new Dictionary<string, string?>
            {
                ["action"] = "retention_purge", ["month"] = month.Name, ["first_seq"] = Text(month.FirstSeq), ["last_seq"] = Text(month.LastSeq),
                ["events"] = Text(month.Count), ["archive"] = boundary.Archive, ["archive_sha256"] = Convert.ToHexStringLower(sha),
                ["checkpoint_size"] = Text(checkpoint.Size), ["checkpoint_root"] = Convert.ToBase64String(checkpoint.Root),
            }, cancellationToken);
        }
        return new RetentionResult(plan, purged, checkpoint);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
