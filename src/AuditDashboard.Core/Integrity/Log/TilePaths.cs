using System.Globalization;
using System.Text;

namespace AuditDashboard.Core.Integrity.Log;

/// <summary>
/// The C2SP tlog-tiles layout: <c>checkpoint</c>, <c>tile/L/N</c> for a full tile and <c>tile/L/N.p/W</c> for a
/// partial one of W hashes, N written in three-digit groups (<c>x001/x234/067</c>). Our own addition is
/// <c>checkpoints/SIZE-KEYID</c>, every checkpoint ever signed, under a name that never changes.
/// </summary>
public static class TilePaths
{
    public const string Checkpoint = "checkpoint";
    public const string CheckpointsFolder = "checkpoints";

    public static string CheckpointCopy(long size, long keyId) => $"{CheckpointsFolder}/{size.ToString(CultureInfo.InvariantCulture)}-{keyId:x8}";

    public static string Tile(int level, long index, int width)
    {
        var path = new StringBuilder($"tile/{level.ToString(CultureInfo.InvariantCulture)}/");
        var digits = index.ToString(CultureInfo.InvariantCulture);
        digits = digits.PadLeft((digits.Length + 2) / 3 * 3, '0');
        for (int i = 0; i < digits.Length; i += 3)
        {
            if (i > 0) path.Append('/');
            if (i + 3 < digits.Length) path.Append('x');
            path.Append(digits, i, 3);
        }
        if (width < LogTile.Width) path.Append(CultureInfo.InvariantCulture, $".p/{width}");
        return path.ToString();
    }

    /// <summary>Every tile a tree of <paramref name="size"/> leaves has, as (level, index, width), from <paramref name="fromSize"/>'s last tiles on.</summary>
    public static IEnumerable<(int Level, long Index, int Width)> Tiles(long size, long fromSize = 0)
    {
        for (int level = 0; ; level++)
        {
            long count = size >> (LogTile.Height * level);
            if (count == 0) yield break;
            long first = (fromSize >> (LogTile.Height * level)) / LogTile.Width;
            long full = count / LogTile.Width;
            for (long n = first; n < full; n++) yield return (level, n, LogTile.Width);
            if (count % LogTile.Width != 0) yield return (level, full, (int)(count % LogTile.Width));
        }
    }

    /// <summary>A reader for <see cref="LogTree"/> over a published log of <paramref name="size"/> leaves.</summary>
    public static Func<int, long, CancellationToken, Task<byte[]>> Reader(Func<string, CancellationToken, Task<byte[]?>> read, long size) =>
        async (level, index, cancellationToken) =>
        {
            long count = size >> (LogTile.Height * level);
            long full = count / LogTile.Width;
            int width = index < full ? LogTile.Width : index == full ? (int)(count % LogTile.Width) : 0;
            if (width == 0) return [];
            return await read(Tile(level, index, width), cancellationToken) ?? [];
        };

    /// <summary>(level, index, width) of a tile path (<c>tile/…</c>), or null; only the canonical spelling is accepted.</summary>
    public static (int Level, long Index, int Width)? Parse(string path)
    {
        if (!path.StartsWith("tile/", StringComparison.Ordinal)) return null;
        var parts = path[5..].Split('/');
        if (parts.Length < 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level > 7) return null;
        int width = LogTile.Width;
        var groups = parts[1..];
        if (groups.Length >= 2 && groups[^2].EndsWith(".p", StringComparison.Ordinal))
        {
            if (!int.TryParse(groups[^1], NumberStyles.None, CultureInfo.InvariantCulture, out width) || width is < 1 or >= LogTile.Width) return null;
            groups = [.. groups[..^2], groups[^2][..^2]];
        }
        var digits = string.Concat(groups.Select(g => g.TrimStart('x')));
        if (digits.Length is 0 or > 18 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index)) return null;
        return Tile(level, index, width) == path ? (level, index, width) : null;
    }
}
