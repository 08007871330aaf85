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

        var misstored = await StorageClassCheck.FirstMisstoredAsync(db, cancellationToken);
        var log = new Log.LogCheck(checkpoints.Select(c => c.Size));
        var rows = HashedRows.ReadAsync(db.Events.AsNoTracking().OrderBy(e => e.Seq).AsAsyncEnumerable(), cancellationToken);
        // The walk's reader is closed before the log is compared: SQL Server runs one reader per connection.
        await using (var enumerator = rows.GetAsyncEnumerator(cancellationToken))
        {
            HashedRow? nextHashed = await enumerator.MoveNextAsync() ? enumerator.Current : null;
            while (nextHashed is { } current)
            {
                var row = current.Row;
                nextHashed = await enumerator.MoveNextAsync() ? enumerator.Current : null;
                var next = nextHashed?.Row;
                if (misstored is { } m && row.Seq >= m.Seq)
                    return Broken(BreakKind.Modified, m.Seq, $"seq {m.Seq} was modified: its {m.Column} is stored as {m.Found}, not as the schema's type");

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

                if (current.Error is { } error)
                    return Broken(BreakKind.Modified, row.Seq, $"seq {row.Seq} holds a value that cannot be canonicalized ({error.GetType().Name}): it was modified");
                var (computed, leaf) = (current.Hash!, current.LeafHash!);
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
        if (CheckpointCheck.Compare(checkpoints, log.Roots, last) is { } signed)
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
