using System.Text;

namespace AuditDashboard.Collector;

/// <summary>
/// Events wait on disk as NDJSON: appended to <c>current.ndjson</c>, which is sealed into numbered segments that the
/// shipper sends oldest first and deletes only once the dashboard has accepted them. Survives restarts; bounded by
/// <see cref="CollectorOptions.MaxBufferBytes"/> (beyond it new events are dropped and counted, never old ones).
/// </summary>
public sealed class DiskBuffer
{
    private const string Current = "current.ndjson";
    private readonly Lock _gate = new();
    private readonly string _folder;
    private readonly long _maxBytes;
    private long _bytes;

    public DiskBuffer(CollectorOptions options)
    {
        _folder = options.BufferDirectory;
        _maxBytes = options.MaxBufferBytes;
        Directory.CreateDirectory(_folder);
        _bytes = new DirectoryInfo(_folder).EnumerateFiles("*.ndjson").Sum(f => f.Length);
        DeadLetters = Directory.GetFiles(_folder, "*" + DeadLetterSuffix).Length;
    }

    /// <summary>Kept beside the buffer when the dashboard refused a segment for its content.</summary>
    public const string DeadLetterSuffix = ".refused";

    public long Dropped { get; private set; }

    /// <summary>Segments the dashboard refused for their content, kept as dead letters (also those of earlier runs).</summary>
    public long DeadLetters { get; private set; }

    public long PendingBytes
    {
        get { lock (_gate) return _bytes; }
    }

    public bool Append(string json)
    {
        var line = Encoding.UTF8.GetBytes(json + "\n");
        lock (_gate)
        {
            if (_bytes + line.Length > _maxBytes)
            {
                Dropped++;
                return false;
            }
            using var file = new FileStream(Path.Combine(_folder, Current), FileMode.Append, FileAccess.Write, FileShare.Read);
            file.Write(line);
            file.Flush(flushToDisk: true);
            _bytes += line.Length;
            return true;
        }
    }

    /// <summary>Seals what has been appended into a segment and lists the segments, oldest first.</summary>
    public IReadOnlyList<string> Segments()
    {
        lock (_gate)
        {
            var current = Path.Combine(_folder, Current);
            if (File.Exists(current) && new FileInfo(current).Length > 0)
                File.Move(current, Path.Combine(_folder, $"segment-{DateTime.UtcNow.Ticks:D20}-{Guid.NewGuid():N}.ndjson"));
            return Directory.GetFiles(_folder, "segment-*.ndjson").Order(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>The dashboard refused the segment as malformed: keep it beside the buffer as a dead letter (<c>.refused</c>), out of the queue.</summary>
    public void SetAside(string segment)
    {
        lock (_gate)
        {
            long length = new FileInfo(segment).Length;
            File.Move(segment, segment + DeadLetterSuffix);
            _bytes = Math.Max(0, _bytes - length);
            DeadLetters++;
        }
    }

    /// <summary>The dashboard has the segment: forget it.</summary>
    public void Delivered(string segment)
    {
        lock (_gate)
        {
            long length = new FileInfo(segment).Length;
            File.Delete(segment);
            _bytes = Math.Max(0, _bytes - length);
        }
    }
}
