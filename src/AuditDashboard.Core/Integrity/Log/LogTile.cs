namespace AuditDashboard.Core.Integrity.Log;

/// <summary>
/// A C2SP tlog-tiles tile: up to 256 hashes of one tree level, concatenated. Tile level 0 holds leaf hashes; tile
/// level L holds the roots of the perfect subtrees of 256^L leaves. A partial tile (fewer than 256) grows as the
/// log does; a full tile never changes.
/// </summary>
public sealed class LogTile
{
    public const int Height = 8;
    public const int Width = 1 << Height;

    public int Level { get; set; }
    public long Index { get; set; }
    public byte[] Hashes { get; set; } = [];

    public int Count => Hashes.Length / MerkleHash.Size;
}
