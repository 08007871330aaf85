using NSec.Cryptography;

namespace AuditDashboard.Core.Integrity.Notes;

/// <summary>
/// A verifier key (<c>name+hexid+base64(type ‖ key)</c>) for Ed25519 note signatures (type 0x01) or tlog-cosignature
/// v1 cosignatures (type 0x04). Parsing refuses a key whose ID does not match its name and public key.
/// </summary>
public sealed class NoteVerifier
{
    private readonly PublicKey _key;

    private NoteVerifier(string name, uint keyId, byte type, PublicKey key, string text) =>
        (Name, KeyId, Type, _key, Text) = (name, keyId, type, key, text);

    public string Name { get; }
    public uint KeyId { get; }
    public byte Type { get; }
    public string Text { get; }

    /// <summary>Throws <see cref="FormatException"/> naming what is wrong with <paramref name="text"/>.</summary>
    public static NoteVerifier Parse(string text)
    {
        text = text.Trim();
        var parts = text.Split('+', 3);
        if (parts.Length != 3) throw new FormatException("a verifier key is NAME+KEYID+BASE64 (three parts separated by '+')");
        var (name, hex, encoded) = (parts[0], parts[1], parts[2]);
        if (NoteKeys.NameProblem(name) is { } problem) throw new FormatException(problem);
        if (hex.Length != 8 || !uint.TryParse(hex, System.Globalization.NumberStyles.AllowHexSpecifier, null, out var keyId))
            throw new FormatException("a verifier key's ID is eight hex digits");
        byte[] raw;
        try { raw = Convert.FromBase64String(encoded); }
        catch (FormatException) { throw new FormatException("a verifier key's key material is not base64"); }
        if (raw.Length != 33 || raw[0] is not (NoteKeys.Ed25519 or NoteKeys.Cosignature))
            throw new FormatException("the verifier key is not an Ed25519 note key (type 0x01) or cosignature key (type 0x04)");
        if (NoteKeys.KeyId(name, raw[0], raw.AsSpan(1)) != keyId)
            throw new FormatException($"the verifier key's ID {hex} does not match its name and public key");
        var key = PublicKey.Import(SignatureAlgorithm.Ed25519, raw.AsSpan(1), KeyBlobFormat.RawPublicKey);
        return new NoteVerifier(name, keyId, raw[0], key, text);
    }

    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == 64 && SignatureAlgorithm.Ed25519.Verify(_key, message, signature);
}
