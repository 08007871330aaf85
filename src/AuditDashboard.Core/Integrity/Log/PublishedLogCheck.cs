using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Integrity.Log;

/// <summary>
/// Every tile file in a published log against the store's tiles: a published file that differs was changed after
/// it was written, or the store was rewritten since (either way the two histories disagree).
/// </summary>
public static class PublishedLogCheck
{
    public static async Task<(long Seq, string Message)?> CompareAsync(AuditDbContext db, string directory, CancellationToken cancellationToken = default)
    {
        var tiles = Path.Combine(directory, "tile");
        if (!Directory.Exists(tiles)) return null;
        (long Seq, string Message)? first = null;
        foreach (var group in Directory.EnumerateFiles(tiles, "*", SearchOption.AllDirectories)
                     .Select(f => (File: f, Relative: Path.GetRelativePath(directory, f).Replace('\\', '/')))
                     .Where(f => !Path.GetFileName(f.File).StartsWith('.'))
                     .Select(f => (f.File, f.Relative, Tile: TilePaths.Parse(f.Relative)))
                     .GroupBy(f => f.Tile?.Level ?? -1))
        {
            var stored = group.Key < 0 ? [] : await db.LogTiles.AsNoTracking().Where(t => t.Level == group.Key)
                .ToDictionaryAsync(t => t.Index, t => t.Hashes, cancellationToken);
            foreach (var (file, relative, tile) in group)
            {
                if (tile is not var (level, index, width))
                {
                    first ??= (1, $"the published log holds {relative}, which is not a tile path");
                    continue;
                }
                long seq = (index << (LogTile.Height * level)) * LogTile.Width + 1;
                var content = new FileInfo(file).Length == width * MerkleHash.Size ? await File.ReadAllBytesAsync(file, cancellationToken) : [];
                bool same = stored.TryGetValue(index, out var hashes) && hashes.Length >= width * MerkleHash.Size &&
                            content.AsSpan().SequenceEqual(hashes.AsSpan(0, width * MerkleHash.Size));
                if (!same && (first is null || seq < first.Value.Seq))
                    first = (seq, $"the published {relative} differs from the store's tile: the published log or the store was changed after publication");
            }
        }
        return first;
    }
}
