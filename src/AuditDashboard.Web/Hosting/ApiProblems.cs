using System.Diagnostics;
using AuditDashboard.Web.Ingest;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace AuditDashboard.Web.Hosting;

/// <summary>
/// Every answer of an API route that is not a success is <c>application/problem+json</c>, in every environment:
/// errors the endpoints name, unknown routes and methods, bodies the server refuses, and unhandled exceptions
/// (logged with a trace id; no stack trace reaches the client, and never an HTML error page).
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    public static IResult Result(int status, string detail, IReadOnlyList<FieldErrorResponse>? errors = null, IReadOnlyList<string>? problems = null) =>
        Results.Json(Body(status, detail, errors, problems), contentType: ContentType, statusCode: status);

    public static ProblemResponse Body(int status, string detail, IReadOnlyList<FieldErrorResponse>? errors = null, IReadOnlyList<string>? problems = null,
        string? traceId = null) =>
        new("about:blank", ReasonPhrases.GetReasonPhrase(status), status, detail, detail, errors, problems, traceId);

    public static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");

    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteExceptionAsync });
            api.UseStatusCodePages(context => WriteStatusAsync(context.HttpContext));
        });

    private static async Task WriteExceptionAsync(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        var traceId = Activity.Current?.Id ?? http.TraceIdentifier;
        var (status, detail) = error is BadHttpRequestException bad
            ? (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "the request body is over the server's limit" : "the request could not be read")
            : (StatusCodes.Status500InternalServerError, $"the server could not handle the request; it has been logged with trace id {traceId}");
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(Body(status, detail, traceId: traceId), (System.Text.Json.JsonSerializerOptions?)null, ContentType);
    }

    private static async Task WriteStatusAsync(HttpContext http)
    {
        int status = http.Response.StatusCode;
        var detail = status switch
        {
            StatusCodes.Status404NotFound => $"there is no API route {http.Request.Path}",
            StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {http.Request.Path}",
            StatusCodes.Status401Unauthorized => "authentication is required",
            StatusCodes.Status403Forbidden => "your role does not allow this",
            _ => ReasonPhrases.GetReasonPhrase(status),
        };
        await http.Response.WriteAsJsonAsync(Body(status, detail), (System.Text.Json.JsonSerializerOptions?)null, ContentType);
    }
}
