namespace AuditDashboard.Core.Ingest;

/// <summary>The body is not a JSON object, a JSON array or NDJSON.</summary>
public sealed class BatchFormatException(string message) : Exception(message);
