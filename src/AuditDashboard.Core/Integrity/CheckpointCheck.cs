using AuditDashboard.Core.Integrity.Log;

namespace AuditDashboard.Core.Integrity;

/// <summary>Signed checkpoints against the tree the events give: each must be there, with the same root, and they must agree.</summary>
public static class CheckpointCheck
{
    public static (BreakKind Kind, long Seq, string Message)? Compare(IReadOnlyList<Checkpoint> checkpoints, IReadOnlyDictionary<long, byte[]> roots, long last)
    {
        foreach (var pair in checkpoints.GroupBy(c => c.Size).Where(g => g.Select(c => c.RootBase64).Distinct().Count() > 1))
            return (BreakKind.Forked, pair.Key, $"two checkpoints signed for {pair.Key} events give different roots ({string.Join(", ", pair.Select(c => c.RootBase64).Distinct())}): the log forked");
        foreach (var c in checkpoints.OrderBy(c => c.Size))
        {
            if (c.Size > last)
                return (BreakKind.Truncated, last + 1,
                    $"the store ends at seq {last}, but the checkpoint signed{At(c)} covers {c.Size} events: seq {last + 1} onwards was removed, or an older copy of the store was restored");
            var root = c.Size == 0 ? MerkleHash.Empty : roots.GetValueOrDefault(c.Size);
            if (root is null || !root.AsSpan().SequenceEqual(c.Root))
                return (BreakKind.Modified, c.Size,
                    $"the events up to seq {c.Size} are not those the checkpoint signed{At(c)} covers (root {c.RootBase64}): history at or before seq {c.Size} was rewritten");
        }
        return null;
    }

    private static string At(Checkpoint c) => c.Time is { } t ? $" at {CanonicalForm.FormatTimestamp(t)}" : "";
}
