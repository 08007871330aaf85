using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Integrity.Log;

/// <summary>
/// Appends leaf hashes to the tiles, in the caller's transaction (ingest appends events and their leaves together).
/// A tile that fills up hands its subtree root to the tile level above, so every stored hash is the root of a
/// complete perfect subtree and never changes afterwards.
/// </summary>
public sealed class TileWriter(AuditDbContext db)
{
    private readonly Dictionary<(int Level, long Index), (LogTile Tile, MemoryStream Hashes)> _open = [];

    /// <summary>The number of leaves in the tree as stored.</summary>
    public static async Task<long> SizeAsync(AuditDbContext db, CancellationToken cancellationToken = default)
    {
        var last = await db.LogTiles.AsNoTracking().Where(t => t.Level == 0).OrderByDescending(t => t.Index)
            .Select(t => new { t.Index, t.Hashes }).FirstOrDefaultAsync(cancellationToken);
        return last is null ? 0 : last.Index * LogTile.Width + last.Hashes.Length / MerkleHash.Size;
    }

    /// <summary>Appends leaves at <paramref name="firstIndex"/>, which must be the tree's current size.</summary>
    public async Task AppendAsync(long firstIndex, IReadOnlyList<byte[]> leafHashes, CancellationToken cancellationToken = default)
    {
        for (int i = 0; i < leafHashes.Count; i++)
            await AppendAtAsync(0, firstIndex + i, leafHashes[i], cancellationToken);
        foreach (var (tile, hashes) in _open.Values) tile.Hashes = hashes.ToArray();
        _open.Clear();
    }

    private async Task AppendAtAsync(int level, long position, byte[] hash, CancellationToken cancellationToken)
    {
        long index = position / LogTile.Width;
        int offset = (int)(position % LogTile.Width);
        if (!_open.TryGetValue((level, index), out var open))
        {
            var tile = await db.LogTiles.FindAsync([level, index], cancellationToken);
            if (tile is null)
            {
                tile = new LogTile { Level = level, Index = index };
                db.LogTiles.Add(tile);
            }
            var buffer = new MemoryStream(LogTile.Width * MerkleHash.Size);
            buffer.Write(tile.Hashes);
            _open[(level, index)] = open = (tile, buffer);
        }
        if (open.Hashes.Length != (long)offset * MerkleHash.Size)
            throw new InvalidOperationException($"the log's tile {level}/{index} holds {open.Hashes.Length / MerkleHash.Size} hashes, not {offset}: the tree is out of step with the events");
        open.Hashes.Write(hash);
        if (offset == LogTile.Width - 1)
            await AppendAtAsync(level + 1, index, MerkleHash.PerfectRoot(open.Hashes.GetBuffer().AsSpan(0, (int)open.Hashes.Length)), cancellationToken);
    }
}
