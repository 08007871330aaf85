using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Integrity;

/// <summary>
/// One stretch of the chain walked in seq order: from <see cref="Expected"/> (the first seq) linking to
/// <see cref="Prev"/> (the stored hash of the seq before it, already verified by the stretch before). Records the
/// first break. The verifier walks the whole chain as one stretch, or two on two connections side by side.
/// </summary>
internal sealed class ChainSegment(long firstSeq, byte[] startPrev, IReadOnlyDictionary<long, (byte[] Hash, DateTime RecordedAt)> heads, long lastRecorded,
    Log.LogCheck? log = null)
{
    private byte[]? _prevPrev;
    private long _checked;

    public long FirstSeq { get; } = firstSeq;
    public byte[] Prev { get; private set; } = startPrev;
    public long Expected { get; private set; } = firstSeq;
    public long Checked => Interlocked.Read(ref _checked);
    public Log.LogCheck Log { get; } = log ?? new();
    public VerificationResult? Break { get; private set; }

    public async Task WalkAsync(IAsyncEnumerable<AccessEvent> rows, Action? progress, CancellationToken cancellationToken)
    {
        await using var enumerator = rows.GetAsyncEnumerator(cancellationToken);
        AccessEvent? next = await enumerator.MoveNextAsync() ? enumerator.Current : null;
        while (next is not null)
        {
            var row = next;
            next = await enumerator.MoveNextAsync() ? enumerator.Current : null;
            if (Check(row, next) is { } broken)
            {
                Break = broken;
                return;
            }
            if (_checked % 50_000 == 0) progress?.Invoke();
        }
    }

    private VerificationResult? Check(AccessEvent row, AccessEvent? next)
    {
        VerificationResult Broken(BreakKind kind, long seq, string message) =>
            new(false, FirstSeq - 1 + _checked, Expected - 1, HashChain.ToHex(Prev), kind, seq, message);

        if (row.Seq > lastRecorded)
            return Broken(BreakKind.Inserted, row.Seq, $"seq {row.Seq} was not recorded by any accepted batch (the last recorded head is seq {lastRecorded})");
        if (row.Seq > Expected)
        {
            string which = row.Seq - 1 == Expected ? $"seq {Expected} is" : $"seq {Expected} to {row.Seq - 1} are";
            return Broken(BreakKind.Missing, Expected, $"{which} missing: the chain jumps from seq {Expected - 1} to seq {row.Seq}");
        }
        if (!row.PrevHash.AsSpan().SequenceEqual(Prev))
        {
            if (next is not null && next.PrevHash.AsSpan().SequenceEqual(Prev))
                return Broken(BreakKind.Reordered, row.Seq, $"seq {row.Seq} is out of order: seq {next.Seq} links to seq {row.Seq - 1} in its place");
            if (_prevPrev is not null && row.PrevHash.AsSpan().SequenceEqual(_prevPrev))
                return Broken(BreakKind.Inserted, row.Seq - 1, $"seq {row.Seq - 1} was inserted: it is not part of the chain, seq {row.Seq} links to seq {row.Seq - 2}");
            return Broken(BreakKind.Modified, row.Seq, $"prev_hash of seq {row.Seq} does not match the hash of seq {row.Seq - 1}");
        }

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
            if (next is not null && next.PrevHash.AsSpan().SequenceEqual(Prev))
                return Broken(BreakKind.Inserted, row.Seq, $"seq {row.Seq} was inserted: it is not part of the chain, seq {next.Seq} links to seq {row.Seq - 1}");
            return Broken(BreakKind.Modified, row.Seq, $"seq {row.Seq} was modified: its content no longer matches its stored hash");
        }

        if (heads.TryGetValue(row.Seq, out var head) && !head.Hash.AsSpan().SequenceEqual(row.Hash))
            return Broken(BreakKind.Modified, row.Seq,
                $"seq {row.Seq} differs from the chain head recorded at {CanonicalForm.FormatTimestamp(head.RecordedAt)} ({HashChain.ToHex(head.Hash)}): the chain was rewritten");

        Log.Add(leaf);
        _prevPrev = Prev;
        Prev = row.Hash;
        Expected++;
        Interlocked.Increment(ref _checked);
        return null;
    }
}
