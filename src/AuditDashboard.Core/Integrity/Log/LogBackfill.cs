using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Integrity.Log;

/// <summary>
/// Gives a store from before the Merkle tree (or one whose tree lags) the leaves of the events it already holds,
/// from their stored canonical bytes, in seq order.
/// </summary>
public static class LogBackfill
{
    private const int Chunk = 5000;

    /// <summary>In the caller's transaction: appends the leaves of events up to seq <paramref name="size"/> the tree lacks.</summary>
    public static async Task CatchUpAsync(AuditDbContext db, long size, CancellationToken cancellationToken = default)
    {
        long tree = await TileWriter.SizeAsync(db, cancellationToken);
        while (tree < size)
        {
            long from = tree;
            var events = await db.Events.AsNoTracking().Where(e => e.Seq > from && e.Seq <= size).OrderBy(e => e.Seq).Take(Chunk).ToListAsync(cancellationToken);
            if (events.Count == 0 || events[0].Seq != from + 1)
                throw new InvalidOperationException($"the chain has no event {from + 1} to put in the log: the store is missing events");
            var writer = new TileWriter(db);
            await writer.AppendAsync(from, events.Select(e => MerkleHash.Leaf(CanonicalForm.GetBytes(e))).ToList(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            tree = from + events.Count;
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Outside any transaction (at start, after migrations): catches the tree up chunk by chunk, each in its own exclusive transaction.</summary>
    public static async Task CatchUpStoreAsync(IDbContextFactory<AuditDbContext> dbFactory, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var tx = await ExclusiveTransaction.BeginAsync(db, ExclusiveTransaction.Chain, cancellationToken);
            long head = await db.Events.OrderByDescending(e => e.Seq).Select(e => e.Seq).FirstOrDefaultAsync(cancellationToken);
            long tree = await TileWriter.SizeAsync(db, cancellationToken);
            if (tree >= head) return;
            await CatchUpAsync(db, Math.Min(head, tree + Chunk), cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
    }
}
