using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Storage;
using AuditDashboard.Web.Ingest;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Web.Health;

public static class HealthEndpoints
{
    /// <param name="FirstSeq">1, or the first seq after the last retention boundary (docs/retention.md).</param>
    public sealed record HealthResponse(string Status, long Events, long FirstSeq, ChainHeadResponse ChainHead, DatabaseResponse Database);

    /// <summary>The engine, and what protects the connection and the files (as far as the engine can say).</summary>
    /// <remarks>encrypted_at_rest is written even when null: "the engine cannot say" is the answer, not a missing field.</remarks>
    public sealed record DatabaseResponse(string Engine, string InTransit,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] bool? EncryptedAtRest,
        string AtRest);

    /// <summary>
    /// GET /healthz, anonymous: status, event count, chain head and the store's protection. seq is gap-free from the
    /// last retention boundary on, so the count is the head's seq less the seq that boundary ends at.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (IDbContextFactory<AuditDbContext> dbFactory, CancellationToken cancellationToken) =>
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var head = await db.Events.OrderByDescending(e => e.Seq).Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync(cancellationToken);
                long seq = head?.Seq ?? 0;
                long left = (await Core.Retention.RetentionPlanner.LastBoundaryAsync(db, cancellationToken))?.LastSeq ?? 0;
                var protection = await StoreProtection.ReadAsync(db, cancellationToken);
                return Results.Ok(new HealthResponse("ok", seq - left, left + 1, new ChainHeadResponse(seq, HashChain.ToHex(head?.Hash ?? HashChain.Genesis)),
                    new DatabaseResponse(protection.Engine, protection.InTransit, protection.EncryptedAtRest, protection.AtRest)));
            }
            catch (Exception ex) when (StoreProvider.IsStoreFailure(ex) || ex is InvalidOperationException)
            {
                return Results.Json(new { status = "unavailable", error = "the audit store cannot be read" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous();
        return app;
    }
}
