using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Integrity.Log;

/// <summary>
/// Checks the stored Merkle tree against the events, for the chain verifier: fed every event's leaf hash during
/// the walk (keeping one digest per 256 events and the last partial block), then, once the walk's reader is closed,
/// every tile: a level-0 tile must hold exactly its events' leaves, and every full tile's root must be the hash its
/// parent tile holds. A tree longer than the chain means events were cut from the end.
/// </summary>
public sealed class LogCheck
{
    // Per full block of 256 events, SHA-256 of their concatenated leaf hashes: a tile holds exactly those leaves when its
    // bytes give the same digest, one hash of 8 KiB instead of recomputing the block's 255-node subtree twice.
    private readonly List<byte[]> _blockDigests = [];
    private readonly MemoryStream _block = new(LogTile.Width * MerkleHash.Size);
    private long _leaves;
    // After a retention purge the walk starts at the boundary: the tiles before it are vouched for by the signed
    // roots (the boundary's checkpoint among them), not by events, which have left; _blockDigests[i] is block _firstBlock + i.
    private long _firstBlock;

    /// <summary>A check whose walk starts at <paramref name="firstSeq"/>: the leaves before it in its tile are taken from the stored tile.</summary>
    public static async Task<LogCheck> StartingAtAsync(AuditDbContext db, long firstSeq, CancellationToken cancellationToken)
    {
        var check = new LogCheck { _firstBlock = (firstSeq - 1) / LogTile.Width, _leaves = firstSeq - 1 };
        int before = (int)((firstSeq - 1) % LogTile.Width);
        if (before > 0)
        {
            var hashes = await db.LogTiles.AsNoTracking().Where(t => t.Level == 0 && t.Index == check._firstBlock).Select(t => t.Hashes).FirstOrDefaultAsync(cancellationToken) ?? [];
            check._block.Write(hashes, 0, Math.Min(hashes.Length, before * MerkleHash.Size));
        }
        return check;
    }

    public void Add(byte[] leafHash)
    {
        _block.Write(leafHash);
        _leaves++;

        if (_block.Length == LogTile.Width * MerkleHash.Size)
        {
            _blockDigests.Add(System.Security.Cryptography.SHA256.HashData(_block.GetBuffer().AsSpan(0, (int)_block.Length)));
            _block.SetLength(0);
        }
    }

    /// <summary>Continues this check with <paramref name="tail"/>, which was fed the leaves right after this one's, from a block boundary.</summary>
    public void Append(LogCheck tail)
    {
        if (_block.Length != 0) throw new InvalidOperationException("a log check is continued only on a 256-leaf boundary");
        _blockDigests.AddRange(tail._blockDigests);
        _block.Write(tail._block.GetBuffer(), 0, (int)tail._block.Length);
        _leaves += tail._leaves;
    }

    /// <summary>Null when the tree matches the events walked; else the first seq where it does not, and why.</summary>
    public async Task<(long Seq, string Message)?> CompareAsync(AuditDbContext db, CancellationToken cancellationToken)
    {
        long size = await TileWriter.SizeAsync(db, cancellationToken);
        if (size == 0) return null; // a store from before the log, not yet migrated
        if (size > _leaves)
            return (_leaves + 1, $"the Merkle log holds {size} leaves but the chain ends at seq {_leaves}: events were cut from the end");
        long first = long.MaxValue;
        string? why = null;
        void Broken(long seq, string message)
        {
            if (seq < first) (first, why) = (seq, message);
        }

        // Level 0: each tile against the events' leaves (full tiles by their root, the partial one leaf by leaf).
        var parents = await TilesAsync(db, 1, cancellationToken);
        await foreach (var tile in db.LogTiles.AsNoTracking().Where(t => t.Level == 0).OrderBy(t => t.Index).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            long firstSeq = tile.Index * LogTile.Width + 1;
            long block = tile.Index - _firstBlock;
            if (block < 0)
            {
                if (tile.Count == LogTile.Width && !Entry(parents, tile.Index).SequenceEqual(MerkleHash.PerfectRoot(tile.Hashes)))
                    Broken(firstSeq, $"the Merkle log's subtree hash for seq {firstSeq} to {firstSeq + LogTile.Width - 1} does not match the tile above it");
            }
            else if (tile.Count == LogTile.Width)
            {
                if (block >= _blockDigests.Count || !System.Security.Cryptography.SHA256.HashData(tile.Hashes).AsSpan().SequenceEqual(_blockDigests[(int)block]))
                    Broken(firstSeq, $"the Merkle log's leaves for seq {firstSeq} to {firstSeq + LogTile.Width - 1} do not match those events");
                else if (!Entry(parents, tile.Index).SequenceEqual(MerkleHash.PerfectRoot(tile.Hashes)))
                    Broken(firstSeq, $"the Merkle log's subtree hash for seq {firstSeq} to {firstSeq + LogTile.Width - 1} does not match those events");
            }
            else if (block == _blockDigests.Count)
            {
                var expected = _block.GetBuffer().AsSpan(0, (int)_block.Length);
                for (int i = 0; i < tile.Count; i++)
                {
                    if (!tile.Hashes.AsSpan(i * MerkleHash.Size, MerkleHash.Size).SequenceEqual(expected.Slice(i * MerkleHash.Size, MerkleHash.Size)))
                    {
                        Broken(firstSeq + i, $"the Merkle log's leaf for seq {firstSeq + i} does not match the event");
                        break;
                    }
                }
            }
        }

        // Higher levels: every full tile's root is the hash its parent holds.
        for (int level = 1; ; level++)
        {
            var tiles = parents;
            if (tiles.Count == 0) break;
            parents = await TilesAsync(db, level + 1, cancellationToken);
            long span = 1;
            for (int l = 0; l < level; l++) span *= LogTile.Width;
            foreach (var (index, hashes) in tiles.Where(t => t.Value.Length == LogTile.Width * MerkleHash.Size))
            {
                if (!MerkleHash.PerfectRoot(hashes).AsSpan().SequenceEqual(Entry(parents, index)))
                    Broken(index * span * LogTile.Width + 1, $"the Merkle log's level-{level} tile {index} does not match the tile above it");
            }
        }
        return why is null ? null : (first, why);
    }

    private static async Task<Dictionary<long, byte[]>> TilesAsync(AuditDbContext db, int level, CancellationToken cancellationToken) =>
        await db.LogTiles.AsNoTracking().Where(t => t.Level == level).ToDictionaryAsync(t => t.Index, t => t.Hashes, cancellationToken);

    private static ReadOnlySpan<byte> Entry(Dictionary<long, byte[]> parents, long childIndex) =>
        parents.TryGetValue(childIndex / LogTile.Width, out var hashes) && hashes.Length >= (int)(childIndex % LogTile.Width + 1) * MerkleHash.Size
            ? hashes.AsSpan((int)(childIndex % LogTile.Width) * MerkleHash.Size, MerkleHash.Size)
            : [];
}
