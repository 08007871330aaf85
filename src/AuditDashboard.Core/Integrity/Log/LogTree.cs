using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Integrity.Log;

/// <summary>
/// The Merkle tree read from its tiles: the root of any size and the RFC 9162 inclusion and consistency proofs,
/// each from O(log n) tiles (every perfect subtree on the way is one stored hash, or at most 128 hashes of one tile).
/// </summary>
public sealed class LogTree
{
    private readonly Dictionary<(int Level, long Index), byte[]> _tiles = [];
    private readonly Func<int, long, CancellationToken, Task<byte[]>> _read;

    /// <summary>The tree as the database stores it.</summary>
    public LogTree(AuditDbContext db) : this(async (level, index, cancellationToken) =>
        await db.LogTiles.AsNoTracking().Where(t => t.Level == level && t.Index == index).Select(t => t.Hashes).FirstOrDefaultAsync(cancellationToken) ?? [])
    {
    }

    /// <summary>The tree from any tile source (a published directory or URL); a missing tile reads as empty.</summary>
    public LogTree(Func<int, long, CancellationToken, Task<byte[]>> readTile) => _read = readTile;

    /// <summary>MTH(D[0:size]).</summary>
    public Task<byte[]> RootAsync(long size, CancellationToken cancellationToken = default) =>
        size == 0 ? Task.FromResult(MerkleHash.Empty) : HashAsync(0, size, cancellationToken);

    /// <summary>PATH(index, D[0:size]) of RFC 9162 §2.1.3.1, bottom up.</summary>
    public async Task<List<byte[]>> InclusionProofAsync(long index, long size, CancellationToken cancellationToken = default)
    {
        if (index < 0 || index >= size) throw new ArgumentOutOfRangeException(nameof(index), $"leaf {index} is not in a tree of {size}");
        var proof = new List<byte[]>();
        await PathAsync(index, 0, size, proof, cancellationToken);
        return proof;
    }

    /// <summary>PROOF(m, D[0:n]) of RFC 9162 §2.1.4.1: that the tree of size n extends the tree of size m.</summary>
    public async Task<List<byte[]>> ConsistencyProofAsync(long m, long n, CancellationToken cancellationToken = default)
    {
        if (m < 1 || m > n) throw new ArgumentOutOfRangeException(nameof(m), $"no consistency proof from {m} to {n}");
        var proof = new List<byte[]>();
        await SubproofAsync(m, 0, n, true, proof, cancellationToken);
        return proof;
    }

    private async Task PathAsync(long m, long start, long n, List<byte[]> proof, CancellationToken cancellationToken)
    {
        if (n == 1) return;
        long k = MerkleHash.Split(n);
        if (m < k)
        {
            await PathAsync(m, start, k, proof, cancellationToken);
            proof.Add(await HashAsync(start + k, start + n, cancellationToken));
        }
        else
        {
            await PathAsync(m - k, start + k, n - k, proof, cancellationToken);
            proof.Add(await HashAsync(start, start + k, cancellationToken));
        }
    }

    private async Task SubproofAsync(long m, long start, long n, bool whole, List<byte[]> proof, CancellationToken cancellationToken)
    {
        if (m == n)
        {
            if (!whole) proof.Add(await HashAsync(start, start + n, cancellationToken));
            return;
        }
        long k = MerkleHash.Split(n);
        if (m <= k)
        {
            await SubproofAsync(m, start, k, whole, proof, cancellationToken);
            proof.Add(await HashAsync(start + k, start + n, cancellationToken));
        }
        else
        {
            await SubproofAsync(m - k, start + k, n - k, false, proof, cancellationToken);
            proof.Add(await HashAsync(start, start + k, cancellationToken));
        }
    }

    /// <summary>MTH(D[a:b]).</summary>
    private async Task<byte[]> HashAsync(long a, long b, CancellationToken cancellationToken)
    {
        long n = b - a;
        if ((n & (n - 1)) == 0 && a % n == 0) return await PerfectAsync(System.Numerics.BitOperations.Log2((ulong)n), a / n, cancellationToken);
        long k = MerkleHash.Split(n);
        var left = await HashAsync(a, a + k, cancellationToken);
        var right = await HashAsync(a + k, b, cancellationToken);
        return MerkleHash.Node(left, right);
    }

    /// <summary>The perfect subtree at tree level <paramref name="level"/> (2^level leaves), position <paramref name="index"/>.</summary>
    private async Task<byte[]> PerfectAsync(int level, long index, CancellationToken cancellationToken)
    {
        int tileLevel = level / LogTile.Height, below = level % LogTile.Height;
        long first = index << below;
        var tile = await TileAsync(tileLevel, first / LogTile.Width, cancellationToken);
        int offset = (int)(first % LogTile.Width) * MerkleHash.Size;
        int length = (1 << below) * MerkleHash.Size;
        if (tile.Length < offset + length)
            throw new InvalidOperationException($"the log's tile {tileLevel}/{first / LogTile.Width} lacks hashes the tree needs");
        return below == 0 ? tile.AsSpan(offset, MerkleHash.Size).ToArray() : MerkleHash.PerfectRoot(tile.AsSpan(offset, length));
    }

    private async Task<byte[]> TileAsync(int level, long index, CancellationToken cancellationToken)
    {
        if (_tiles.TryGetValue((level, index), out var hashes)) return hashes;
        hashes = await _read(level, index, cancellationToken);
        _tiles[(level, index)] = hashes;
        return hashes;
    }
}
