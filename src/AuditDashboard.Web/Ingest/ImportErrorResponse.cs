namespace AuditDashboard.Web.Ingest;

/// <summary>A refused import: nothing stored, and each problem naming its record.</summary>
public sealed record ImportErrorResponse(string Error, IReadOnlyList<string> Problems);
