using System.Buffers.Binary;
using System.Text;

namespace AuditDashboard.Core.Integrity.Notes;

/// <summary>
/// C2SP tlog-cosignature v1 (Ed25519): a witness signs "cosignature/v1\ntime T\n" followed by the checkpoint's
/// text, and the signature line carries the timestamp before the signature.
/// </summary>
public static class Cosignatures
{
    public static NoteSignature Sign(SignedNote checkpoint, NoteSigner witness, DateTimeOffset at)
    {
        if (witness.Type != NoteKeys.Cosignature) throw new ArgumentException("a cosignature needs a cosignature key (type 0x04)", nameof(witness));
        long time = at.ToUnixTimeSeconds();
        var blob = new byte[8 + 64];
        BinaryPrimitives.WriteUInt64BigEndian(blob, (ulong)time);
        witness.Sign(Message(checkpoint.Text, time)).CopyTo(blob, 8);
        return new NoteSignature(witness.Name, witness.KeyId, blob);
    }

    /// <summary>The time of <paramref name="verifier"/>'s valid cosignature on the note, or null if it has none.</summary>
    public static DateTimeOffset? Verify(SignedNote checkpoint, NoteVerifier verifier)
    {
        if (verifier.Type != NoteKeys.Cosignature) return null;
        foreach (var s in checkpoint.Signatures.Where(s => s.Name == verifier.Name && s.KeyId == verifier.KeyId && s.Signature.Length == 72))
        {
            ulong time = BinaryPrimitives.ReadUInt64BigEndian(s.Signature);
            if (time > 253_402_300_799) continue; // past year 9999: not a time this verifier can show
            if (verifier.Verify(Message(checkpoint.Text, (long)time), s.Signature.AsSpan(8)))
                return DateTimeOffset.FromUnixTimeSeconds((long)time);
        }
        return null;
    }

    private static byte[] Message(string text, long time) => Encoding.UTF8.GetBytes($"cosignature/v1\ntime {time}\n{text}");
}
