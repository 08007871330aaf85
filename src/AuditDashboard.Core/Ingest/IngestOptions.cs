namespace AuditDashboard.Core.Ingest;

/// <summary>Ingest limits (configuration section <c>Ingest</c>). Over a limit the batch is refused and the limit named.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    public int MaxBatchItems { get; set; } = 10_000;
    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;
    public int MaxFieldLength { get; set; } = 1024;
    public int MaxUserAgentLength { get; set; } = 2048;
    public int MaxAttributesBytes { get; set; } = 16 * 1024;
    /// <summary>Largest file POST /api/v1/import/{format} takes (it is buffered to a temporary file, then read twice).</summary>
    public long MaxImportBytes { get; set; } = 1024L * 1024 * 1024;
    /// <summary>Largest single record (or text line) of an imported file; an importer holds one record at a time.</summary>
    public int MaxImportRecordBytes { get; set; } = 1024 * 1024;

    /// <summary>Timestamps further than this ahead of the server clock are refused (clock-skew guard).</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Only for the ingest benchmark's tree-off baseline: appends no leaves. Not configuration (internal, so never bound).</summary>
    internal bool WithoutMerkleLog { get; init; }

    public IEnumerable<string> Validate()
    {
        if (MaxBatchItems < 1) yield return "Ingest:MaxBatchItems must be at least 1.";
        if (MaxBodyBytes < 1024) yield return "Ingest:MaxBodyBytes must be at least 1024.";
        if (MaxFieldLength < 64) yield return "Ingest:MaxFieldLength must be at least 64.";
        if (MaxUserAgentLength < 64) yield return "Ingest:MaxUserAgentLength must be at least 64.";
        if (MaxAttributesBytes < 2) yield return "Ingest:MaxAttributesBytes must be at least 2.";
        if (MaxImportBytes < 1024) yield return "Ingest:MaxImportBytes must be at least 1024.";
        if (MaxImportRecordBytes < 1024) yield return "Ingest:MaxImportRecordBytes must be at least 1024.";
        if (MaxFutureSkew < TimeSpan.Zero) yield return "Ingest:MaxFutureSkew must not be negative.";
    }
}
