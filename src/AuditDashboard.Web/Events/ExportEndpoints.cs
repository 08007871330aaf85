using System.Text;
using System.Text.Json;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Explorer;
using AuditDashboard.Core.Export;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Storage;
using AuditDashboard.Web.Auth;
using AuditDashboard.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Web.Events;

/// <summary>Streams the explorer's filtered events as CSV, NDJSON, CEF or OCSF; every export is an audited event.</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapEventExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/export/events.csv", (HttpContext http, IDbContextFactory<AuditDbContext> db, DashboardAudit audit) =>
            ExportAsync(http, db, audit, "csv")).RequireAuthorization(Policies.Viewer).RequireRateLimiting(RateLimits.Export);
        app.MapGet("/api/v1/export/events.ndjson", (HttpContext http, IDbContextFactory<AuditDbContext> db, DashboardAudit audit) =>
            ExportAsync(http, db, audit, "ndjson")).RequireAuthorization(Policies.Viewer).RequireRateLimiting(RateLimits.Export);
        app.MapGet("/api/v1/export/events.cef", (HttpContext http, IDbContextFactory<AuditDbContext> db, DashboardAudit audit) =>
            ExportAsync(http, db, audit, "cef")).RequireAuthorization(Policies.Viewer).RequireRateLimiting(RateLimits.Export);
        app.MapGet("/api/v1/export/events.ocsf", (HttpContext http, IDbContextFactory<AuditDbContext> db, DashboardAudit audit) =>
            ExportAsync(http, db, audit, "ocsf")).RequireAuthorization(Policies.Viewer).RequireRateLimiting(RateLimits.Export);
        return app;
    }

    private static async Task ExportAsync(HttpContext http, IDbContextFactory<AuditDbContext> dbFactory, DashboardAudit audit, string format)
    {
        var (filter, errors) = EventFilterQuery.Parse(http.Request.Query.ToDictionary(q => q.Key, q => q.Value));
        if (errors.Count > 0)
        {
            await ApiProblems.Result(StatusCodes.Status400BadRequest, string.Join("; ", errors)).ExecuteAsync(http);
            return;
        }
        await audit.AccessAsync(http, http.User, "export_events", new()
        {
            ["format"] = format,
            ["filter"] = EventFilterQuery.ToQueryString(filter),
        });

        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        http.Response.ContentType = format switch
        {
            "csv" => "text/csv; charset=utf-8",
            "cef" => "text/plain; charset=utf-8",
            _ => "application/x-ndjson; charset=utf-8",
        };
        var extension = format == "ocsf" ? "ocsf.jsonl" : format;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"auditdashboard-events-{stamp}.{extension}\"";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 64 * 1024);
        if (format == "csv") await writer.WriteAsync(CsvExport.HeaderLine);
        int n = 0;
        await using var heads = await dbFactory.CreateDbContextAsync(http.RequestAborted);
        var deliveries = new Deliveries(heads);
        await foreach (var e in EventQueries.StreamAsync(dbFactory, filter, http.RequestAborted))
        {
            var deliveredBy = format is "csv" or "ndjson" ? await deliveries.OriginAsync(e.Seq, http.RequestAborted) : null;
            await writer.WriteAsync(format switch
            {
                "csv" => CsvExport.Line(e, deliveredBy),
                "cef" => CefExport.Line(e) + "\n",
                "ocsf" => OcsfExport.Line(e) + "\n",
                _ => EventJson.ToJson(e, includeChain: true, deliveredBy) + "\n",
            });
            if (++n % 1000 == 0) await writer.FlushAsync(http.RequestAborted);
        }
    }
}
