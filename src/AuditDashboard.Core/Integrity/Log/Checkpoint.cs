using System.Globalization;

namespace AuditDashboard.Core.Integrity.Log;

/// <summary>
/// A C2SP tlog-checkpoint body: the origin, the tree size and the base64 root, then our one extension line, the
/// time it was made (<c>time 2026-12-01T21:00:00Z</c>), which verifiers may ignore.
/// </summary>
public sealed record Checkpoint(string Origin, long Size, byte[] Root, DateTime? Time)
{
    public string Text()
    {
        var text = $"{Origin}\n{Size.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(Root)}\n";
        return Time is { } t ? text + $"time {t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\n" : text;
    }

    /// <summary>Throws <see cref="FormatException"/> naming the problem.</summary>
    public static Checkpoint Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 4 || lines[^1].Length != 0) throw new FormatException("a checkpoint has an origin, a size and a root hash, each on its own line");
        var (origin, size, root) = (lines[0], lines[1], lines[2]);
        if (origin.Length == 0) throw new FormatException("a checkpoint's origin must not be empty");
        if (!long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || (size.Length > 1 && size[0] == '0'))
            throw new FormatException($"a checkpoint's size must be a decimal number without leading zeroes ({Shorten(size)})");
        byte[] hash;
        try { hash = Convert.FromBase64String(root); }
        catch (FormatException) { throw new FormatException("a checkpoint's root hash is not base64"); }
        if (hash.Length != MerkleHash.Size) throw new FormatException("a checkpoint's root hash is not a SHA-256 hash");
        DateTime? time = null;
        foreach (var extension in lines[3..^1])
        {
            if (extension.Length == 0) throw new FormatException("a checkpoint's extension lines must not be empty");
            if (extension.StartsWith("time ", StringComparison.Ordinal) &&
                DateTime.TryParseExact(extension[5..], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
                time = t;
        }
        return new Checkpoint(origin, n, hash, time);
    }

    public string RootBase64 => Convert.ToBase64String(Root);

    private static string Shorten(string s) => s.Length <= 24 ? s : s[..24] + "…";
}
