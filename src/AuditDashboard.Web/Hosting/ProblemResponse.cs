using AuditDashboard.Web.Ingest;

namespace AuditDashboard.Web.Hosting;

/// <summary>
/// An API error as RFC 9457 problem details. <c>error</c> repeats <c>detail</c> and <c>errors</c> lists each
/// refused item's field, as the API has answered since its first version.
/// </summary>
public sealed record ProblemResponse(
    string Type, string Title, int Status, string Detail, string Error,
    IReadOnlyList<FieldErrorResponse>? Errors = null, IReadOnlyList<string>? Problems = null, string? TraceId = null);
