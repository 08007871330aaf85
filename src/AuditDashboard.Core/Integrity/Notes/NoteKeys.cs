using System.Security.Cryptography;
using System.Text;

namespace AuditDashboard.Core.Integrity.Notes;

/// <summary>
/// C2SP signed-note key names and key IDs: the ID is the first four bytes of SHA-256(name ‖ "\n" ‖ type ‖ public
/// key), so a verifier recognises its signature line without trying every key.
/// </summary>
public static class NoteKeys
{
    /// <summary>A note signature by an Ed25519 key (signed-note).</summary>
    public const byte Ed25519 = 0x01;

    /// <summary>A timestamped Ed25519 cosignature (tlog-cosignature v1).</summary>
    public const byte Cosignature = 0x04;

    public static uint KeyId(string name, byte type, ReadOnlySpan<byte> publicKey)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var data = new byte[nameBytes.Length + 2 + publicKey.Length];
        nameBytes.CopyTo(data, 0);
        data[nameBytes.Length] = (byte)'\n';
        data[nameBytes.Length + 1] = type;
        publicKey.CopyTo(data.AsSpan(nameBytes.Length + 2));
        var hash = SHA256.HashData(data);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash);
    }

    /// <summary>Null when <paramref name="name"/> can name a key; else why not.</summary>
    public static string? NameProblem(string name)
    {
        if (name.Length == 0) return "a key name must not be empty";
        if (name.Any(c => char.IsWhiteSpace(c) || c == '+' || char.IsControl(c))) return $"a key name must have no spaces, controls or '+' ({name})";
        return null;
    }

    /// <summary>The verifier key text: name+hex key ID+base64(type ‖ public key), as golang.org/x/mod/sumdb/note reads it.</summary>
    public static string VerifierKey(string name, byte type, ReadOnlySpan<byte> publicKey) =>
        $"{name}+{KeyId(name, type, publicKey):x8}+{Convert.ToBase64String([type, .. publicKey])}";
}
