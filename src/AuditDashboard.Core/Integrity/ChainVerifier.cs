using AuditDashboard.Core.Events;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Integrity;

/// <summary>
/// Walks the whole chain in seq order, recomputing every hash, and cross-checks the heads recorded
/// by accepted batches. Reports the first broken seq and classifies the break.
/// </summary>
public static class ChainVerifier
{
    public static Task<VerificationResult> VerifyAsync(AuditDbContext db, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        VerifyAsync(db, [], progress, cancellationToken);

    /// <summary>Also against signed checkpoints (already checked for their signature): the store must hold each one's tree.</summary>
    public static async Task<VerificationResult> VerifyAsync(AuditDbContext db, IReadOnlyList<Log.Checkpoint> checkpoints, IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        // Heads and events must come from one snapshot, or an append during verification looks like tampering.
        // SQLite (WAL): a deferred read transaction is a snapshot and does not block appends.
        // SQL Server: serializable, so appends wait until verification ends (docs/adr/0003).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection sqlite)
            {
                await using var tx = sqlite.BeginTransaction(deferred: true);
                await db.Database.UseTransactionAsync(tx, cancellationToken);
                var result = await VerifySnapshotAsync(db, checkpoints, progress, cancellationToken);
                await db.Database.UseTransactionAsync(null, cancellationToken);
                return result;
            }
            await using (await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken))
                return await VerifySnapshotAsync(db, checkpoints, progress, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<VerificationResult> VerifySnapshotAsync(AuditDbContext db, IReadOnlyList<Log.Checkpoint> checkpoints, IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        // The stored-type check reads the table on a connection of its own while the walk runs (SQLite: a second
        // reader in WAL mode); its verdict wins when its seq comes first.
        var misstoredCheck = StorageClassCheck.FirstMisstoredConcurrentlyAsync(db, cancellationToken);
        var walk = await WalkAsync(db, checkpoints, progress, cancellationToken);
        if (await misstoredCheck is not { } m || (!walk.Intact && walk.FirstBrokenSeq < m.Seq)) return walk;
        long before = m.Seq - 1;
        var hash = before == 0 ? HashChain.Genesis
            : await db.Events.AsNoTracking().Where(e => e.Seq == before).Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken) ?? [];
        return new VerificationResult(false, before, before, HashChain.ToHex(hash), BreakKind.Modified, m.Seq,
            $"seq {m.Seq} was modified: its {m.Column} is stored as {m.Found}, not as the schema's type");
    }

    private static async Task<VerificationResult> WalkAsync(AuditDbContext db, IReadOnlyList<Log.Checkpoint> checkpoints, IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        var recordedHeads = await db.ChainHeads.AsNoTracking()
            .Select(h => new { h.LastSeq, h.Hash, h.RecordedAt })
            .ToListAsync(cancellationToken);
        var headsBySeq = recordedHeads.GroupBy(h => h.LastSeq).ToDictionary(g => g.Key, g => (g.First().Hash, g.First().RecordedAt));
        long lastRecorded = recordedHeads.Count == 0 ? 0 : recordedHeads.Max(h => h.LastSeq);

        // Reading the rows is most of the work; on SQLite the second half of the chain is walked on a connection of
        // its own at the same time, from the stored hash of the last seq of the first half (which the first half
        // verifies). The halves meet on a 256-leaf boundary so their Merkle checks join.
        // After a retention purge the walk starts at the last boundary: the first kept event links to the hash it
        // recorded, and the checkpoint signed before the purge vouches for what left (docs/retention.md).
        var boundary = await Retention.RetentionPlanner.LastBoundaryAsync(db, cancellationToken);
        long start = (boundary?.LastSeq ?? 0) + 1;
        long signedSize = await db.LogCheckpoints.MaxAsync(c => (long?)c.Size, cancellationToken) ?? 0;
        if (await db.RetentionBoundaries.Where(b => b.LastSeq > signedSize).Select(b => (long?)b.LastSeq).MinAsync(cancellationToken) is { } forged)
            return new VerificationResult(false, 0, start - 1, HashChain.ToHex(boundary?.LastHash ?? HashChain.Genesis), BreakKind.Inserted, forged,
                $"the store holds a retention boundary at seq {forged} that no signed checkpoint covers: no purge wrote it (a purge signs the checkpoint first)");
        var anchor = new List<Log.Checkpoint>(checkpoints);
        if (boundary is not null)
        {
            try
            {
                anchor.Add(Log.Checkpoint.Parse(Notes.SignedNote.Parse(boundary.CheckpointNote).Text));
            }
            catch (FormatException ex)
            {
                return new VerificationResult(false, 0, start - 1, HashChain.ToHex(boundary.LastHash), BreakKind.Modified, start,
                    $"the checkpoint recorded with the retention boundary at seq {boundary.LastSeq} is not a checkpoint ({ex.Message})");
            }
        }
        long maxSeq = await db.Events.MaxAsync(e => (long?)e.Seq, cancellationToken) ?? 0;
        long split = (start - 1 + maxSeq) / 2 / Log.LogTile.Width * Log.LogTile.Width;
        byte[]? splitHash = db.Database.IsSqlite() && split >= start + Log.LogTile.Width
            ? await db.Events.AsNoTracking().Where(e => e.Seq == split).Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken)
            : null;
        var first = new ChainSegment(start, boundary?.LastHash ?? HashChain.Genesis, headsBySeq, lastRecorded,
            boundary is null ? null : await Log.LogCheck.StartingAtAsync(db, start, cancellationToken));
        var second = splitHash is null ? null : new ChainSegment(split + 1, splitHash, headsBySeq, lastRecorded);
        void Report() => progress?.Report(first.Checked + (second?.Checked ?? 0));

        // The walks' readers are closed before the log is compared: SQL Server runs one reader per connection.
        if (second is null)
        {
            await first.WalkAsync(db.Events.AsNoTracking().Where(e => e.Seq >= start).OrderBy(e => e.Seq).AsAsyncEnumerable(), Report, cancellationToken);
        }
        else
        {
            var tail = Task.Run(async () =>
            {
                await using var other = db.Sibling();
                // Bounded by the first snapshot's last seq: rows appended since belong to heads this walk did not read.
                await second.WalkAsync(other.Events.AsNoTracking().Where(e => e.Seq > split && e.Seq <= maxSeq).OrderBy(e => e.Seq).AsAsyncEnumerable(),
                    Report, cancellationToken);
            }, cancellationToken);
            await first.WalkAsync(db.Events.AsNoTracking().Where(e => e.Seq >= start && e.Seq <= split).OrderBy(e => e.Seq).AsAsyncEnumerable(), Report, cancellationToken);
            await tail;
        }
        Report();
        if (first.Break is { } early) return early;
        var log = first.Log;
        var walked = first;
        if (second is not null)
        {
            if (second.Break is { } late) return late with { EventsChecked = first.Checked + second.Checked };
            if (second.Checked > 0)
            {
                log.Append(second.Log);
                walked = second;
            }
        }
        long expected = walked.Expected;
        long checkedCount = first.Checked + (second?.Checked ?? 0);
        byte[] prev = walked.Prev;
        VerificationResult Broken(BreakKind kind, long seq, string message) =>
            new(false, checkedCount, expected - 1, HashChain.ToHex(prev), kind, seq, message);

        long last = expected - 1;
        if (await log.CompareAsync(db, cancellationToken) is { } logBreak)
            return Broken(logBreak.Seq > last ? BreakKind.Truncated : BreakKind.Modified, logBreak.Seq, logBreak.Message);
        if (last < lastRecorded)
            return Broken(BreakKind.Truncated, last + 1, $"the chain ends at seq {last}, but an accepted batch recorded a head at seq {lastRecorded}: seq {last + 1} onwards is missing");
        // The tiles now match the events, so the root at any size read from them is the events' root.
        var tree = new Log.LogTree(db);
        var roots = new Dictionary<long, byte[]>();
        long treeSize = await Log.TileWriter.SizeAsync(db, cancellationToken);
        foreach (var size in anchor.Select(c => c.Size).Where(s => s >= 1 && s <= Math.Min(last, treeSize)).Distinct())
            roots[size] = await tree.RootAsync(size, cancellationToken);
        if (CheckpointCheck.Compare(anchor, roots, last) is { } signed)
            return Broken(signed.Kind, signed.Seq, signed.Message);
        if (await ReadersAheadAsync(db, last, cancellationToken) is { } ahead)
            return Broken(BreakKind.Truncated, last + 1, ahead);

        var against = checkpoints.Count == 0 ? "" : $", consistent with {checkpoints.Count} signed checkpoint(s) up to size {checkpoints.Max(c => c.Size)}";
        var from = boundary is null ? "" : $" from the retention boundary (seq {start}: seq 1 to {boundary.LastSeq} left the store, the last of them " +
            $"{boundary.Month} on {CanonicalForm.FormatTimestamp(boundary.PurgedAt)}, archived in {boundary.Archive}; the trust anchor for them is the checkpoint of " +
            $"{boundary.CheckpointSize} events recorded with the boundary, whose root the stored tree still gives)";
        return new VerificationResult(true, checkedCount, last, HashChain.ToHex(prev), BreakKind.None, null,
            last == 0 ? "the store is empty" : $"{checkedCount} events verified{from}; chain head seq {last}{against}");
    }

    /// <summary>The live detectors and the overview's aggregates remember how far they read: past the chain's end means events were cut.</summary>
    private static async Task<string?> ReadersAheadAsync(AuditDbContext db, long last, CancellationToken cancellationToken)
    {
        long detected = await db.DetectionStates.AsNoTracking().MaxAsync(s => (long?)s.LastSeq, cancellationToken) ?? 0;
        long aggregated = await db.AggregateStates.AsNoTracking().MaxAsync(s => (long?)s.LastSeq, cancellationToken) ?? 0;
        if (detected > last)
            return $"the live detectors have read up to seq {detected}, but the chain ends at seq {last}: seq {last + 1} onwards was removed";
        if (aggregated > last)
            return $"the overview's aggregates have counted up to seq {aggregated}, but the chain ends at seq {last}: seq {last + 1} onwards was removed";
        return null;
    }
}
