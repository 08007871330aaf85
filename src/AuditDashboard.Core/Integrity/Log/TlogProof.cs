using System.Globalization;
using System.Text;

namespace AuditDashboard.Core.Integrity.Log;

/// <summary>
/// A C2SP tlog-proof: <c>c2sp.org/tlog-proof@v1</c>, <c>index N</c>, the inclusion proof one base64 hash per line,
/// a blank line, then the checkpoint (with its signatures) verbatim. Offline evidence that an event is in the log.
/// </summary>
public sealed record TlogProof(long Index, IReadOnlyList<byte[]> Proof, string CheckpointNote)
{
    public const string Header = "c2sp.org/tlog-proof@v1";
    public const int MaxProofLines = 64;

    public override string ToString()
    {
        var text = new StringBuilder(Header).Append('\n').Append(CultureInfo.InvariantCulture, $"index {Index}\n");
        foreach (var hash in Proof) text.Append(Convert.ToBase64String(hash)).Append('\n');
        return text.Append('\n').Append(CheckpointNote).ToString();
    }

    /// <summary>Throws <see cref="FormatException"/> naming the problem.</summary>
    public static TlogProof Parse(string text)
    {
        if (text.Length > Notes.SignedNote.MaxBytes * 2) throw new FormatException("a tlog-proof is at most 128 KiB");
        int blank = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (blank < 0) throw new FormatException("a tlog-proof has a blank line before its checkpoint");
        var lines = text[..blank].Split('\n');
        if (lines[0] != Header) throw new FormatException($"a tlog-proof starts with {Header}");
        int i = 1;
        if (i < lines.Length && lines[i].StartsWith("extra ", StringComparison.Ordinal)) i++;
        if (i >= lines.Length || !lines[i].StartsWith("index ", StringComparison.Ordinal) ||
            !long.TryParse(lines[i].AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || (lines[i].Length > 7 && lines[i][6] == '0'))
            throw new FormatException("a tlog-proof names the entry's index ('index N', no leading zeroes)");
        var proof = new List<byte[]>();
        foreach (var line in lines[(i + 1)..])
        {
            if (proof.Count == MaxProofLines) throw new FormatException($"a tlog-proof has at most {MaxProofLines} hashes");
            byte[] hash;
            try { hash = Convert.FromBase64String(line); }
            catch (FormatException) { throw new FormatException($"line {proof.Count + i + 2} of the tlog-proof is not a base64 hash"); }
            if (hash.Length != MerkleHash.Size) throw new FormatException($"line {proof.Count + i + 2} of the tlog-proof is not a SHA-256 hash");
            proof.Add(hash);
        }
        return new TlogProof(index, proof, text[(blank + 2)..]);
    }
}
