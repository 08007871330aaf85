namespace AuditDashboard.Core.Import;

/// <summary>A record (or the file) cannot be imported; the message names the record and the problem.</summary>
public sealed class ImportException(string message) : Exception(message);
