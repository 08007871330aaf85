using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Ingest;

public enum IngestStatus
{
    Accepted,
    Invalid,
    OverLimit,
    /// <summary>The key may not write a source the batch names.</summary>
    Forbidden,
}

/// <summary>What happened to a batch. On anything but <see cref="IngestStatus.Accepted"/> nothing was stored.</summary>
public sealed record IngestResult(
    IngestStatus Status,
    int Accepted,
    int Duplicates,
    IReadOnlyList<FieldError> Errors,
    string? Message,
    long HeadSeq,
    string HeadHash)
{
    public static IngestResult Invalid(IReadOnlyList<FieldError> errors, string message) =>
        new(IngestStatus.Invalid, 0, 0, errors, message, 0, "");

    public static IngestResult OverLimit(string message) =>
        new(IngestStatus.OverLimit, 0, 0, [], message, 0, "");

    public static IngestResult Forbidden(string message) =>
        new(IngestStatus.Forbidden, 0, 0, [], message, 0, "");
}
