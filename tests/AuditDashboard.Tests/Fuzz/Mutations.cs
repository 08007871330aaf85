using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace AuditDashboard.Tests.Fuzz;

/// <summary>
/// Byte-level mutations of valid inputs, drawn by FsCheck from a fixed seed so every run fuzzes the same cases:
/// flipped and inserted bytes (invalid UTF-8 among them), JSON punctuation, escapes for lone surrogates, deleted
/// and repeated slices (which give truncated values and keys given twice).
/// </summary>
public static class Mutations
{
    private static readonly byte[][] Insertions =
    [
        [0x00], [0xC3], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], "\""u8.ToArray(), "\\"u8.ToArray(), "{"u8.ToArray(),
        "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), ","u8.ToArray(), ":"u8.ToArray(), "\\ud800"u8.ToArray(), "\\udfff"u8.ToArray(),
        "\n"u8.ToArray(), "null"u8.ToArray(), "1e999"u8.ToArray(), "-0"u8.ToArray(), "\u202e"u8.ToArray(), "%"u8.ToArray(), "|"u8.ToArray(),
        "="u8.ToArray(), "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"u8.ToArray(),
    ];

    private sealed record Edit(int Kind, int Position, int Length, int Insertion);

    private static readonly Gen<Edit> OneEdit =
        from kind in Gen.Choose(0, 4)
        from position in Gen.Choose(0, int.MaxValue)
        from length in Gen.Choose(1, 64)
        from insertion in Gen.Choose(0, Insertions.Length - 1)
        select new Edit(kind, position, length, insertion);

    /// <summary><paramref name="count"/> mutants of <paramref name="seed"/>, the same ones on every run.</summary>
    public static IReadOnlyList<byte[]> Of(byte[] seed, int count, ulong randomSeed)
    {
        var edits = Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(OneEdit, n));
        return Gen.Sample(edits, count, new Rnd(randomSeed, 0x9E3779B97F4A7C15), 20).Select(list => list.Aggregate(seed, Apply)).ToList();
    }

    private static byte[] Apply(byte[] input, Edit edit)
    {
        if (input.Length == 0) return Insertions[edit.Insertion];
        int at = edit.Position % input.Length;
        int length = Math.Min(edit.Length, input.Length - at);
        return edit.Kind switch
        {
            0 => [.. input[..at], (byte)(input[at] ^ (1 << (edit.Insertion % 8))), .. input[(at + 1)..]],
            1 => [.. input[..at], .. Insertions[edit.Insertion], .. input[at..]],
            2 => [.. input[..at], .. input[(at + length)..]],
            3 => [.. input[..(at + length)], .. input[at..(at + length)], .. input[(at + length)..]],
            _ => input[..at],
        };
    }

    public static string Show(byte[] input) => Encoding.UTF8.GetString(input.Length > 300 ? input[..300] : input);
}
