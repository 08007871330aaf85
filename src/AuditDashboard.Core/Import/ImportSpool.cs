namespace AuditDashboard.Core.Import;

/// <summary>
/// An uploaded file copied to a temporary file that deletes itself on close: an import reads its file twice
/// (check, then store), and an upload can be read only once.
/// </summary>
public static class ImportSpool
{
    /// <summary>The spooled copy, positioned at its start; null when the upload is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<FileStream?> CopyAsync(Stream upload, long limit, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(Path.GetTempPath(), $"auditdash-import-{Guid.NewGuid():N}");
        var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (spool.Length + read > limit)
            {
                await spool.DisposeAsync();
                return null;
            }
            await spool.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }
        spool.Position = 0;
        return spool;
    }
}
