using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Integrity.Log;

/// <summary>
/// Publishes the log as static files in the tlog-tiles layout (hashes only, never event data). Every file but
/// <c>checkpoint</c> is written once, atomically (a temporary file moved into place), and never rewritten: one that
/// exists with other content is a <see cref="PublishConflictException"/>. <c>checkpoint</c> is replaced last, so a
/// reader never sees a checkpoint whose tiles are not there yet.
/// </summary>
public sealed class LogPublisher(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>The published <c>checkpoint</c> note, or null when nothing is published yet.</summary>
    public string? ReadLatest()
    {
        var path = System.IO.Path.Combine(Directory, TilePaths.Checkpoint);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    public async Task PublishAsync(AuditDbContext db, LogCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        System.IO.Directory.CreateDirectory(Directory);
        long published = PublishedSize();
        foreach (var group in TilePaths.Tiles(checkpoint.Size, Math.Min(published, checkpoint.Size)).GroupBy(t => t.Level))
        {
            long first = group.Min(t => t.Index);
            var stored = await db.LogTiles.AsNoTracking().Where(t => t.Level == group.Key && t.Index >= first)
                .ToDictionaryAsync(t => t.Index, t => t.Hashes, cancellationToken);
            foreach (var (level, index, width) in group)
            {
                if (!stored.TryGetValue(index, out var hashes) || hashes.Length < width * MerkleHash.Size)
                    throw new InvalidOperationException($"the log's tile {level}/{index} lacks hashes for a tree of {checkpoint.Size}");
                WriteOnce(TilePaths.Tile(level, index, width), hashes.AsSpan(0, width * MerkleHash.Size).ToArray(),
                    (index << (LogTile.Height * level)) * LogTile.Width + 1);
            }
        }
        WriteOnce(TilePaths.CheckpointCopy(checkpoint.Size, checkpoint.KeyId), System.Text.Encoding.UTF8.GetBytes(checkpoint.Note), checkpoint.Size);
        if (checkpoint.Size >= published) Replace(TilePaths.Checkpoint, System.Text.Encoding.UTF8.GetBytes(checkpoint.Note));
    }

    private long PublishedSize()
    {
        try
        {
            return ReadLatest() is { } note ? Checkpoint.Parse(Notes.SignedNote.Parse(note).Text).Size : 0;
        }
        catch (FormatException)
        {
            return 0; // republished from the start; every write-once file is compared, so nothing unseen changes
        }
    }

    private void WriteOnce(string relative, byte[] content, long firstSeq)
    {
        var path = System.IO.Path.Combine(Directory, relative);
        if (File.Exists(path))
        {
            if (Same(path, content)) return;
            throw new PublishConflictException(relative, firstSeq);
        }
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temp = TempFile(path, content);
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            if (!Same(path, content)) throw new PublishConflictException(relative, firstSeq);
        }
    }

    private void Replace(string relative, byte[] content)
    {
        var path = System.IO.Path.Combine(Directory, relative);
        File.Move(TempFile(path, content), path, overwrite: true);
    }

    private static string TempFile(string path, byte[] content)
    {
        var temp = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        return temp;
    }

    private static bool Same(string path, byte[] content)
    {
        var info = new FileInfo(path);
        return info.Length == content.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(content);
    }
}
