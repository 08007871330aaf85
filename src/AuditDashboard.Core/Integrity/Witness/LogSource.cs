using AuditDashboard.Core.Integrity.Notes;

namespace AuditDashboard.Core.Integrity.Witness;

/// <summary>
/// A published log read as files: a directory, or an http(s) URL (the dashboard's /log/ with
/// <c>Integrity:PublicLog</c>, or the bucket a publish directory is synced to). Every read is bounded.
/// </summary>
public sealed class LogSource(string location, HttpClient? http = null) : IDisposable
{
    /// <summary>Nothing a log serves is larger: a checkpoint note or a full tile.</summary>
    public const int MaxBytes = SignedNote.MaxBytes;

    private readonly HttpClient? _http = Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        ? http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(30) }
        : null;

    public string Location { get; } = location.TrimEnd('/');

    /// <summary>The file's bytes, or null when the log does not have it; throws <see cref="IOException"/> when it cannot be read.</summary>
    public async Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (_http is null)
        {
            var file = Path.Combine(Location, path);
            if (!File.Exists(file)) return null;
            if (new FileInfo(file).Length > MaxBytes) throw new IOException($"{file} is larger than {MaxBytes} bytes: not a checkpoint or tile");
            return await File.ReadAllBytesAsync(file, cancellationToken);
        }
        using var response = await _http.GetAsync($"{Location}/{path}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode) throw new IOException($"{Location}/{path} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw new IOException($"{Location}/{path} is larger than {MaxBytes} bytes: not a checkpoint or tile");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public void Dispose() => _http?.Dispose();
}
