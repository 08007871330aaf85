namespace AuditDashboard.Collector;

/// <summary>Where events go and how much may wait on disk while AuditDashboard is down or slow.</summary>
public sealed class CollectorOptions
{
    /// <summary>The dashboard's ingest endpoint, e.g. https://audit.example.com/api/v1/events.</summary>
    public Uri? IngestUrl { get; set; }

    /// <summary>An ingest API key (auditdash apikey create NAME).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The events' source, e.g. collector:orders-api.</summary>
    public string Source { get; set; } = "collector:" + AppDomain.CurrentDomain.FriendlyName;

    /// <summary>Folder of the on-disk buffer; events wait here until the dashboard has them.</summary>
    public string BufferDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "auditdashboard-collector");

    /// <summary>Beyond this the newest events are dropped (and counted); default 256 MiB.</summary>
    public long MaxBufferBytes { get; set; } = 256L * 1024 * 1024;

    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between retries while the dashboard is unreachable.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Record each authenticated request (and each 401/403) as resource_access.</summary>
    public bool RecordResourceAccess { get; set; } = true;

    public IEnumerable<string> Validate()
    {
        if (IngestUrl is null || !IngestUrl.IsAbsoluteUri) yield return "AuditDashboard collector: IngestUrl must be an absolute URL.";
        if (string.IsNullOrWhiteSpace(ApiKey)) yield return "AuditDashboard collector: ApiKey is required.";
        if (string.IsNullOrWhiteSpace(Source)) yield return "AuditDashboard collector: Source is required.";
        if (MaxBufferBytes < 1024 * 1024) yield return "AuditDashboard collector: MaxBufferBytes must be at least 1 MiB.";
    }
}
