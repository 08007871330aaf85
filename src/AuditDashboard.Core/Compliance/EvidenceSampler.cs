using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AuditDashboard.Core.Compliance;

/// <summary>
/// The reproducible sample: number the population's events 0…N−1 in seq order; for i = 0, 1, 2, … take
/// SHA-256 of the UTF-8 text "{seed}:{control}:{i}", read its first 8 bytes as an unsigned big-endian integer,
/// and draw the position it gives modulo N, skipping positions already drawn, until min(size, N) are drawn.
/// Simple enough to redo in a spreadsheet's scripting language; docs/reports.md has a Python version.
/// </summary>
public static class EvidenceSampler
{
    public const int DefaultSize = 25;

    public const string Method =
        "Number the population's events 0…N−1 in seq order. For i = 0, 1, 2, …: take SHA-256 of the UTF-8 text \"{seed}:{control id}:{i}\", " +
        "read its first 8 bytes as an unsigned big-endian integer, and draw the event at that number modulo N; skip numbers already drawn; " +
        "stop at 25 events (or all N if fewer). The sample is listed by seq.";

    public static IReadOnlyList<int> Positions(int seed, string control, long populationSize, int size = DefaultSize)
    {
        int want = (int)Math.Min(size, populationSize);
        var drawn = new HashSet<int>();
        for (long i = 0; drawn.Count < want; i++)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{control}:{i}"));
            drawn.Add((int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)populationSize));
        }
        return drawn.Order().ToList();
    }
}
