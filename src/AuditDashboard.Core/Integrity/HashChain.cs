using System.Buffers;
using System.Security.Cryptography;
using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Integrity;

/// <summary>hash = SHA-256(prev_hash ‖ canonical_bytes(event)); the genesis prev_hash is 32 zero bytes.</summary>
public static class HashChain
{
    public const int HashSize = 32;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    public static byte[] Genesis => new byte[HashSize];

    public static byte[] ComputeHash(byte[] prevHash, AccessEvent e) => ComputeHashes(prevHash, e).Hash;

    /// <summary>The chain hash and the Merkle leaf hash, SHA-256(0x00 ‖ canonical bytes), from one serialization.</summary>
    public static (byte[] Hash, byte[] LeafHash) ComputeHashes(byte[] prevHash, AccessEvent e)
    {
        // One buffer per thread, reused: verification and ingest hash every event, and the canonical bytes are thrown away.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(2048);
        buffer.ResetWrittenCount();
        buffer.Write(prevHash);
        CanonicalForm.Write(e, buffer);
        var hash = SHA256.HashData(buffer.WrittenSpan);
        // The leaf is SHA-256(0x00 ‖ canonical bytes): the byte before them becomes the prefix, so nothing is copied.
        var written = System.Runtime.InteropServices.MemoryMarshal.AsMemory(buffer.WrittenMemory).Span;
        written[HashSize - 1] = 0x00;
        return (hash, SHA256.HashData(written[(HashSize - 1)..]));
    }

    /// <summary>Sets seq, prev_hash and hash on the event and returns its hash (the new head).</summary>
    public static byte[] Link(AccessEvent e, long seq, byte[] prevHash) => Link(e, seq, prevHash, out _);

    /// <summary>As <see cref="Link(AccessEvent, long, byte[])"/>, also giving the event's Merkle leaf hash.</summary>
    public static byte[] Link(AccessEvent e, long seq, byte[] prevHash, out byte[] leafHash)
    {
        e.Seq = seq;
        e.PrevHash = prevHash;
        (e.Hash, leafHash) = ComputeHashes(prevHash, e);
        return e.Hash;
    }

    public static string ToHex(byte[] hash) => Convert.ToHexStringLower(hash);
}
