using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Integrity;

/// <summary>A stored event with the hashes recomputed from its content and its stored prev_hash (or why they could not be).</summary>
public readonly record struct HashedRow(AccessEvent Row, byte[]? Hash, byte[]? LeafHash, Exception? Error);

/// <summary>
/// Recomputes every row's chain and leaf hash on a worker while the next rows are read: a row's hash depends only
/// on its own content and its stored prev_hash, so hashing needs no order, and the verifier's walk only compares.
/// </summary>
public static class HashedRows
{
    private const int Chunk = 4096;

    public static async IAsyncEnumerable<HashedRow> ReadAsync(IAsyncEnumerable<AccessEvent> rows,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var chunk = new List<AccessEvent>(Chunk);
        Task<HashedRow[]>? hashing = null;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            chunk.Add(row);
            if (chunk.Count < Chunk) continue;
            if (hashing is not null)
                foreach (var hashed in await hashing) yield return hashed;
            var ready = chunk;
            chunk = new List<AccessEvent>(Chunk);
            hashing = Task.Run(() => Hash(ready), cancellationToken);
        }
        if (hashing is not null)
            foreach (var hashed in await hashing) yield return hashed;
        foreach (var hashed in Hash(chunk)) yield return hashed;
    }

    private static HashedRow[] Hash(List<AccessEvent> rows)
    {
        var hashed = new HashedRow[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            try
            {
                var (hash, leaf) = HashChain.ComputeHashes(row.PrevHash, row);
                hashed[i] = new HashedRow(row, hash, leaf, null);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or System.Text.EncoderFallbackException)
            {
                hashed[i] = new HashedRow(row, null, null, ex);
            }
        }
        return hashed;
    }
}
