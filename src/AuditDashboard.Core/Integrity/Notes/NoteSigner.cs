using System.Text;
using NSec.Cryptography;

namespace AuditDashboard.Core.Integrity.Notes;

/// <summary>
/// An Ed25519 signing key for notes or cosignatures, in golang.org/x/mod/sumdb/note's private key text
/// (<c>PRIVATE+KEY+name+hexid+base64(type ‖ seed)</c>), so the same file works with the Go tools.
/// </summary>
public sealed class NoteSigner : IDisposable
{
    private const string Prefix = "PRIVATE+KEY+";
    private readonly Key _key;

    private NoteSigner(string name, byte type, Key key)
    {
        (Name, Type, _key) = (name, type, key);
        var publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        KeyId = NoteKeys.KeyId(name, type, publicKey);
        VerifierKey = NoteKeys.VerifierKey(name, type, publicKey);
    }

    public string Name { get; }
    public byte Type { get; }
    public uint KeyId { get; }
    public string VerifierKey { get; }

    public static NoteSigner Generate(string name, byte type = NoteKeys.Ed25519)
    {
        if (NoteKeys.NameProblem(name) is { } problem) throw new ArgumentException(problem, nameof(name));
        var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return new NoteSigner(name, type, key);
    }

    /// <summary>Throws <see cref="FormatException"/> naming what is wrong; the message never contains key material.</summary>
    public static NoteSigner Parse(string text)
    {
        text = text.Trim();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal)) throw new FormatException("a signing key file starts with PRIVATE+KEY+");
        var parts = text[Prefix.Length..].Split('+', 3);
        if (parts.Length != 3) throw new FormatException("a signing key is PRIVATE+KEY+NAME+KEYID+BASE64");
        if (NoteKeys.NameProblem(parts[0]) is { } problem) throw new FormatException(problem);
        byte[] raw;
        try { raw = Convert.FromBase64String(parts[2]); }
        catch (FormatException) { throw new FormatException("a signing key's key material is not base64"); }
        if (raw.Length != 33 || raw[0] is not (NoteKeys.Ed25519 or NoteKeys.Cosignature))
            throw new FormatException("the signing key is not an Ed25519 note or cosignature key");
        var key = Key.Import(SignatureAlgorithm.Ed25519, raw.AsSpan(1), KeyBlobFormat.RawPrivateKey,
            new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var signer = new NoteSigner(parts[0], raw[0], key);
        if (!string.Equals(parts[1], signer.KeyId.ToString("x8"), StringComparison.OrdinalIgnoreCase))
        {
            signer.Dispose();
            throw new FormatException("the signing key's ID does not match its name and key");
        }
        return signer;
    }

    /// <summary>The private key text; only ever written to the owner-only key file.</summary>
    public string PrivateKeyText() =>
        $"{Prefix}{Name}+{KeyId:x8}+{Convert.ToBase64String([Type, .. _key.Export(KeyBlobFormat.RawPrivateKey)])}";

    public byte[] Sign(ReadOnlySpan<byte> message) => SignatureAlgorithm.Ed25519.Sign(_key, message);

    public byte[] Sign(string message) => Sign(Encoding.UTF8.GetBytes(message));

    public void Dispose() => _key.Dispose();
}
