using System.Text;

namespace AuditDashboard.Core.Integrity.Notes;

/// <summary>
/// A C2SP signed note: UTF-8 text ending in a newline, a blank line, then signature lines. Parsing is strict and
/// bounded (a note is at most <see cref="MaxBytes"/>, with at most <see cref="MaxSignatures"/> signatures).
/// </summary>
public sealed class SignedNote
{
    public const int MaxBytes = 64 * 1024;
    public const int MaxSignatures = 100;
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public SignedNote(string text, IReadOnlyList<NoteSignature> signatures)
    {
        if (TextProblem(text) is { } problem) throw new FormatException(problem);
        (Text, Signatures) = (text, signatures);
    }

    /// <summary>The signed text, ending in a newline.</summary>
    public string Text { get; }
    public IReadOnlyList<NoteSignature> Signatures { get; }

    public override string ToString() => Text + "\n" + string.Concat(Signatures.Select(s => s.Line()));

    public SignedNote With(NoteSignature signature) =>
        new(Text, [.. Signatures.Where(s => s.Name != signature.Name || s.KeyId != signature.KeyId), signature]);

    public static SignedNote Sign(string text, NoteSigner signer) =>
        new(text, [new NoteSignature(signer.Name, signer.KeyId, signer.Sign(text))]);

    /// <summary>True when a signature line of <paramref name="verifier"/>'s name and key ID verifies over the text.</summary>
    public bool IsSignedBy(NoteVerifier verifier) =>
        verifier.Type == NoteKeys.Ed25519 &&
        Signatures.Any(s => s.Name == verifier.Name && s.KeyId == verifier.KeyId && verifier.Verify(Encoding.UTF8.GetBytes(Text), s.Signature));

    /// <summary>Throws <see cref="FormatException"/> naming the problem.</summary>
    public static SignedNote Parse(string note)
    {
        if (Encoding.UTF8.GetByteCount(note) > MaxBytes) throw new FormatException($"a signed note is at most {MaxBytes} bytes");
        int split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0) throw new FormatException("a signed note has its text, a blank line and its signatures; there is no blank line");
        var text = note[..(split + 1)];
        var lines = note[(split + 2)..];
        if (lines.Length == 0) throw new FormatException("a signed note has at least one signature");
        if (!lines.EndsWith('\n')) throw new FormatException("a signed note's last signature line must end in a newline");
        var signatures = new List<NoteSignature>();
        foreach (var line in lines[..^1].Split('\n'))
        {
            if (signatures.Count == MaxSignatures) throw new FormatException($"a signed note has at most {MaxSignatures} signatures");
            signatures.Add(NoteSignature.Parse(line));
        }
        if (signatures.Count == 0) throw new FormatException("a signed note has at least one signature");
        return new SignedNote(text, signatures);
    }

    private static string? TextProblem(string text)
    {
        if (!text.EndsWith('\n')) return "a note's text must end in a newline";
        if (text.Any(c => c != '\n' && char.IsControl(c))) return "a note's text must not hold control characters";
        try
        {
            StrictUtf8.GetByteCount(text);
            return null;
        }
        catch (EncoderFallbackException)
        {
            return "a note's text must be valid UTF-8";
        }
    }
}
