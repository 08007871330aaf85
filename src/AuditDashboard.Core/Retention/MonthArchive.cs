using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Retention;

/// <summary>
/// A month's archive in the log's publish directory, <c>archive/yyyy-MM/</c>: events.ndjson (every stored column,
/// <see cref="ArchiveJson"/>), checkpoint (the signed note that covers the month) and manifest.json (seq range, the
/// chain hashes at both ends, the events file's SHA-256). Written to a temporary folder and moved into place whole;
/// read back and checked against the store's chain and Merkle leaves before a single event leaves.
/// </summary>
public static class MonthArchive
{
    public const string Format = "auditdashboard-archive/v1";
    public const string EventsFile = "events.ndjson";
    public const string ManifestFile = "manifest.json";
    public const string CheckpointFile = "checkpoint";

    public static string RelativePath(RetentionMonth month) => $"archive/{month.Name}";

    /// <summary>Writes the month's archive (or finds the same one already there) and returns its events file's SHA-256.</summary>
    public static async Task<byte[]> WriteAsync(AuditDbContext db, string publishDirectory, RetentionMonth month, LogCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var final = Path.Combine(publishDirectory, RelativePath(month));
        if (Directory.Exists(final))
        {
            // An earlier run archived it and stopped before the events left: the same archive is used again, once checked.
            return await CheckAsync(db, final, month, cancellationToken);
        }
        var temp = Path.Combine(publishDirectory, "archive", $".{month.Name}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(temp);
        byte[] sha;
        byte[] prevHash = month.FirstSeq == 1 ? HashChain.Genesis
            : await db.Events.AsNoTracking().Where(e => e.Seq == month.FirstSeq).Select(e => e.PrevHash).SingleAsync(cancellationToken);
        byte[] lastHash = [];
        await using (var file = new FileStream(Path.Combine(temp, EventsFile), FileMode.CreateNew, FileAccess.Write))
        using (var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new ArrayBufferWriter<byte>(4096);
            await using var writer = new Utf8JsonWriter(buffer);
            var rows = db.Events.AsNoTracking().Where(e => e.Seq >= month.FirstSeq && e.Seq <= month.LastSeq).OrderBy(e => e.Seq).AsAsyncEnumerable();
            await foreach (var e in rows.WithCancellation(cancellationToken))
            {
                buffer.ResetWrittenCount();
                writer.Reset(buffer);
                ArchiveJson.Write(writer, e);
                await writer.FlushAsync(cancellationToken);
                buffer.Write("\n"u8);
                hasher.AppendData(buffer.WrittenSpan);
                await file.WriteAsync(buffer.WrittenMemory, cancellationToken);
                lastHash = e.Hash;
            }
            file.Flush(flushToDisk: true);
            sha = hasher.GetHashAndReset();
        }
        await File.WriteAllTextAsync(Path.Combine(temp, CheckpointFile), checkpoint.Note, cancellationToken);
        var manifest = new Dictionary<string, object>
        {
            ["format"] = Format, ["month"] = month.Name, ["first_seq"] = month.FirstSeq, ["last_seq"] = month.LastSeq, ["count"] = month.Count,
            ["prev_hash"] = Convert.ToHexStringLower(prevHash), ["last_hash"] = Convert.ToHexStringLower(lastHash),
            ["events_sha256"] = Convert.ToHexStringLower(sha), ["checkpoint_size"] = checkpoint.Size,
        };
        await File.WriteAllTextAsync(Path.Combine(temp, ManifestFile), JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        try
        {
            Directory.Move(temp, final);
        }
        catch (IOException) when (Directory.Exists(final))
        {
            // Another run archived the same month meanwhile: its archive is the one kept, once checked.
            Directory.Delete(temp, recursive: true);
        }
        return await CheckAsync(db, final, month, cancellationToken);
    }

    /// <summary>
    /// Reads the archive back: every line must be the stored event of its seq (same chain hash, linking from the one
    /// before) and its Merkle leaf the one the store's tree holds; returns the events file's SHA-256. A
    /// <see cref="InvalidOperationException"/> names the first difference.
    /// </summary>
    public static async Task<byte[]> CheckAsync(AuditDbContext db, string directory, RetentionMonth month, CancellationToken cancellationToken)
    {
        var events = Path.Combine(directory, EventsFile);
        byte[] prev = month.FirstSeq == 1 ? HashChain.Genesis
            : await db.Events.AsNoTracking().Where(e => e.Seq == month.FirstSeq).Select(e => e.PrevHash).SingleAsync(cancellationToken);
        long expected = month.FirstSeq;
        var tiles = new Dictionary<long, byte[]>();
        using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await foreach (var line in Lines(events, cancellationToken))
        {
            hasher.AppendData(line);
            hasher.AppendData("\n"u8);
            AccessEvent e;
            try
            {
                e = ArchiveJson.Read(line);
            }
            catch (FormatException ex)
            {
                throw new InvalidOperationException($"{events}: line {expected - month.FirstSeq + 1} is {ex.Message}");
            }
            if (e.Seq != expected) throw new InvalidOperationException($"{events}: seq {expected} was expected, the archive holds seq {e.Seq}");
            var (hash, leaf) = HashChain.ComputeHashes(prev, e);
            if (!e.PrevHash.AsSpan().SequenceEqual(prev) || !hash.AsSpan().SequenceEqual(e.Hash))
                throw new InvalidOperationException($"{events}: seq {e.Seq} does not link into the chain as stored");
            long tile = (e.Seq - 1) / LogTile.Width;
            if (!tiles.TryGetValue(tile, out var hashes))
            {
                tiles.Clear();
                hashes = await db.LogTiles.AsNoTracking().Where(t => t.Level == 0 && t.Index == tile).Select(t => t.Hashes).FirstOrDefaultAsync(cancellationToken) ?? [];
                tiles[tile] = hashes;
            }
            int at = (int)((e.Seq - 1) % LogTile.Width) * MerkleHash.Size;
            if (hashes.Length < at + MerkleHash.Size || !hashes.AsSpan(at, MerkleHash.Size).SequenceEqual(leaf))
                throw new InvalidOperationException($"{events}: seq {e.Seq} is not the leaf the log holds for it");
            prev = hash;
            expected++;
        }
        if (expected != month.LastSeq + 1)
            throw new InvalidOperationException($"{events} ends at seq {expected - 1}, not at seq {month.LastSeq}");
        var stored = await db.Events.AsNoTracking().Where(e => e.Seq == month.LastSeq).Select(e => e.Hash).SingleAsync(cancellationToken);
        if (!stored.AsSpan().SequenceEqual(prev)) throw new InvalidOperationException($"{events}: the chain hash at seq {month.LastSeq} differs from the store's");
        return hasher.GetHashAndReset();
    }

    /// <summary>The file's lines, each at most <see cref="ArchiveJson.MaxLineBytes"/>.</summary>
    private static async IAsyncEnumerable<byte[]> Lines(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var reader = System.IO.Pipelines.PipeReader.Create(file);
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            while (buffer.PositionOf((byte)'\n') is { } end)
            {
                yield return buffer.Slice(0, end).ToArray();
                buffer = buffer.Slice(buffer.GetPosition(1, end));
            }
            if (buffer.Length > ArchiveJson.MaxLineBytes) throw new InvalidOperationException($"{path} has a line over {ArchiveJson.MaxLineBytes} bytes");
            if (result.IsCompleted)
            {
                if (buffer.Length > 0) throw new InvalidOperationException($"{path} does not end with a newline");
                break;
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
        await reader.CompleteAsync();
    }
}
