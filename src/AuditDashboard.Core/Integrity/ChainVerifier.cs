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
        var headsBySeq = recordedHeads.GroupBy(h => h.LastSeq).ToDictionary(g => g.Key, g => g.First());
        long lastRecorded = recordedHeads.Count == 0 ? 0 : recordedHeads.Max(h => h.LastSeq);

        byte[] prev = HashChain.Genesis;
        byte[]? prevPrev = null;
        long expected = 1;
        long checkedCount = 0;

        VerificationResult Broken(BreakKind kind, long seq, string message) =>
            new(false, checkedCount, expected - 1, HashChain.ToHex(prev), kind, seq, message);

        var log = new Log.LogCheck();
        var rows = db.Events.AsNoTracking().OrderBy(e => e.Seq).AsAsyncEnumerable();
        // The walk's reader is closed before the log is compared: SQL Server runs one reader per connection.
        await using (var enumerator = rows.GetAsyncEnumerator(cancellationToken))
        {
            AccessEvent? next = await enumerator.MoveNextAsync() ? enumerator.Current : null;
            while (next is not null)
            {
                var row = next;
                next = await enumerator.MoveNextAsync() ? enumerator.Current : null;
                if (row.Seq > lastRecorded)
                    return Broken(BreakKind.Inserted, row.Seq, $"seq {row.Seq} was not recorded by any accepted batch (the last recorded head is seq {lastRecorded})");
                if (row.Seq > expected)
                {
                    string which = row.Seq - 1 == expected ? $"seq {expected} is" : $"seq {expected} to {row.Seq - 1} are";
                    return Broken(BreakKind.Missing, expected, $"{which} missing: the chain jumps from seq {expected - 1} to seq {row.Seq}");
                }
                if (!row.PrevHash.AsSpan().SequenceEqual(prev))
                {
                    if (next is not null && next.PrevHash.AsSpan().SequenceEqual(prev))
                        return Broken(BreakKind.Reordered, row.Seq, $"seq {row.Seq} is out of order: seq {next.Seq} links to seq {row.Seq - 1} in its place");
                    if (prevPrev is not null && row.PrevHash.AsSpan().SequenceEqual(prevPrev))
                        return Broken(BreakKind.Inserted, row.Seq - 1, $"seq {row.Seq - 1} was inserted: it is not part of the chain, seq {row.Seq} links to seq {row.Seq - 2}");
                    return Broken(BreakKind.Modified, row.Seq, $"prev_hash of seq {row.Seq} does not match the hash of seq {row.Seq - 1}");
                }

                // Hashing in a second thread while rows are read was measured slower here (2 vCPUs): one thread does both.
                byte[] computed, leaf;
                try
                {
                    (computed, leaf) = HashChain.ComputeHashes(row.PrevHash, row);
                }
                catch (Exception ex) when (ex is System.Text.Json.JsonException or System.Text.EncoderFallbackException)
                {
                    return Broken(BreakKind.Modified, row.Seq, $"seq {row.Seq} holds a value that cannot be canonicalized ({ex.GetType().Name}): it was modified");
                }
                if (!computed.AsSpan().SequenceEqual(row.Hash))
                {
                    if (next is not null && next.PrevHash.AsSpan().SequenceEqual(prev))
                        return Broken(BreakKind.Inserted, row.Seq, $"seq {row.Seq} was inserted: it is not part of the chain, seq {next.Seq} links to seq {row.Seq - 1}");
                    return Broken(BreakKind.Modified, row.Seq, $"seq {row.Seq} was modified: its content no longer matches its stored hash");
                }

                if (headsBySeq.TryGetValue(row.Seq, out var head) && !head.Hash.AsSpan().SequenceEqual(row.Hash))
                    return Broken(BreakKind.Modified, row.Seq,
                        $"seq {row.Seq} differs from the chain head recorded at {CanonicalForm.FormatTimestamp(head.RecordedAt)} ({HashChain.ToHex(head.Hash)}): the chain was rewritten");

                log.Add(leaf);
                prevPrev = prev;
                prev = row.Hash;
                expected++;
                checkedCount++;
                if (checkedCount % 50_000 == 0) progress?.Report(checkedCount);
            }
        }
        progress?.Report(checkedCount);

        long last = expected - 1;
        if (await log.CompareAsync(db, cancellationToken) is { } logBreak)
            return Broken(logBreak.Seq > last ? BreakKind.Truncated : BreakKind.Modified, logBreak.Seq, logBreak.Message);
        if (last < lastRecorded)
            return Broken(BreakKind.Truncated, last + 1, $"the chain ends at seq {last}, but an accepted batch recorded a head at seq {lastRecorded}: seq {last + 1} onwards is missing");
        // The tiles now match the events, so the root at any size read from them is the events' root.
        var tree = new Log.LogTree(db);
        var roots = new Dictionary<long, byte[]>();
        long treeSize = await Log.TileWriter.SizeAsync(db, cancellationToken);
        foreach (var size in checkpoints.Select(c => c.Size).Where(s => s >= 1 && s <= Math.Min(last, treeSize)).Distinct())
            roots[size] = await tree.RootAsync(size, cancellationToken);
        if (CheckpointCheck.Compare(checkpoints, roots, last) is { } signed)
            return Broken(signed.Kind, signed.Seq, signed.Message);
        if (await ReadersAheadAsync(db, last, cancellationToken) is { } ahead)
            return Broken(BreakKind.Truncated, last + 1, ahead);

        var against = checkpoints.Count == 0 ? "" : $", consistent with {checkpoints.Count} signed checkpoint(s) up to size {checkpoints.Max(c => c.Size)}";
        return new VerificationResult(true, checkedCount, last, HashChain.ToHex(prev), BreakKind.None, null,
            last == 0 ? "the store is empty" : $"{checkedCount} events verified; chain head seq {last}{against}");
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
