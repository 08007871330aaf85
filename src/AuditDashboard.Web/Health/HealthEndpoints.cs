using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Storage;
using AuditDashboard.Web.Ingest;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Web.Health;

public static class HealthEndpoints
{
    public sealed record HealthResponse(string Status, long Events, ChainHeadResponse ChainHead);

    /// <summary>GET /healthz, anonymous: status, event count and chain head. seq is gap-free, so the count is the head's seq.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (IDbContextFactory<AuditDbContext> dbFactory, CancellationToken cancellationToken) =>
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var head = await db.Events.OrderByDescending(e => e.Seq).Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync(cancellationToken);
                long seq = head?.Seq ?? 0;
                return Results.Ok(new HealthResponse("ok", seq, new ChainHeadResponse(seq, HashChain.ToHex(head?.Hash ?? HashChain.Genesis))));
            }
            catch (Exception ex) when (StoreProvider.IsStoreFailure(ex) || ex is InvalidOperationException)
            {
                return Results.Json(new { status = "unavailable", error = "the audit store cannot be read" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous();
        return app;
    }
}
