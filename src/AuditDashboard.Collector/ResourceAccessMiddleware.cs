using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Collector;

/// <summary>
/// Outermost in the pipeline: gives the request its correlation id, and on the way out records resource_access for
/// every request by a signed-in caller and every 401/403, with the W3C trace id.
/// </summary>
internal sealed class ResourceAccessStartupFilter(AuditCollector collector, IOptions<CollectorOptions> options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, following) =>
        {
            AuditCollector.CorrelationId(http);
            await following(http);
            int status = http.Response.StatusCode;
            if (!options.Value.RecordResourceAccess || (http.User.Identity?.IsAuthenticated != true && status is not (401 or 403))) return;
            collector.Record("resource_access", status < 400 ? "success" : "failure", http, http.User,
                new Dictionary<string, string?> { ["resource"] = http.Request.Path.Value }, httpStatus: status);
        });
        next(app);
    };
}
