using System.Security.Cryptography;

namespace AuditDashboard.Core.Integrity.Log;

/// <summary>RFC 6962 / RFC 9162 §2.1 hashing: leaves and interior nodes are hashed with different prefixes.</summary>
public static class MerkleHash
{
    public const int Size = 32;

    /// <summary>The root of the empty tree: SHA-256 of nothing.</summary>
    public static byte[] Empty => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>SHA-256(0x00 ‖ data); for an event, data is its canonical bytes.</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> data)
    {
        // One contiguous buffer: copying an event's few hundred bytes costs less than an incremental hash object.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(data.Length + 1);
        try
        {
            buffer[0] = 0x00;
            data.CopyTo(buffer.AsSpan(1));
            return SHA256.HashData(buffer.AsSpan(0, data.Length + 1));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>SHA-256(0x01 ‖ left ‖ right).</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + 2 * Size];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Size)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>The root of a perfect subtree whose 2^k hashes are given left to right, concatenated.</summary>
    public static byte[] PerfectRoot(ReadOnlySpan<byte> hashes)
    {
        int count = hashes.Length / Size;
        if (count == 0 || (count & (count - 1)) != 0) throw new ArgumentException("a perfect subtree has 2^k hashes", nameof(hashes));
        var level = hashes.ToArray();
        for (; count > 1; count /= 2)
        {
            var next = new byte[count / 2 * Size];
            for (int i = 0; i < count / 2; i++)
                Node(level.AsSpan(2 * i * Size, Size), level.AsSpan((2 * i + 1) * Size, Size)).CopyTo(next, i * Size);
            level = next;
        }
        return level;
    }

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n ≥ 2), the split point of RFC 9162.</summary>
    public static long Split(long n)
    {
        long k = 1;
        while (k << 1 < n) k <<= 1;
        return k;
    }
}
