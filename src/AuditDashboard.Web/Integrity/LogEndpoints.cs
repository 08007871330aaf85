using System.Globalization;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Storage;
using AuditDashboard.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Web.Integrity;

/// <summary>
/// The signed log served read-only in the tlog-tiles layout under /log/: the latest checkpoint, every checkpoint
/// by size, and the tiles (hashes only; event data is never served here). Auditors, compliance officers and
/// administrators may read it, or anyone when <c>Integrity:PublicLog</c> is true.
/// </summary>
public static class LogEndpoints
{
    public static IEndpointRouteBuilder MapSignedLog(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/log");
        // Read from configuration, not IOptions: resolving options here would throw before start-up validation reports every error.
        if (app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>($"{IntegrityOptions.Section}:{nameof(IntegrityOptions.PublicLog)}")) group.AllowAnonymous();
        else group.RequireAuthorization(Policies.LogReader);

        group.MapGet("/checkpoint", async (IDbContextFactory<AuditDbContext> dbFactory, HttpContext http) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(http.RequestAborted);
            var note = await db.LogCheckpoints.AsNoTracking().OrderByDescending(c => c.Size).ThenByDescending(c => c.MadeAt).Select(c => c.Note).FirstOrDefaultAsync(http.RequestAborted);
            http.Response.Headers.CacheControl = "no-cache";
            return note is null ? Results.NotFound("no checkpoint has been signed yet") : Results.Text(note, "text/plain; charset=utf-8");
        });
        group.MapGet("/checkpoints/{size:long}-{keyId}", async (long size, string keyId, IDbContextFactory<AuditDbContext> dbFactory, HttpContext http) =>
        {
            if (keyId.Length != 8 || !long.TryParse(keyId, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id))
                return Results.NotFound($"checkpoints/{size}-{keyId} is not a checkpoint name (SIZE-KEYID, the key ID in eight hex digits)");
            await using var db = await dbFactory.CreateDbContextAsync(http.RequestAborted);
            var note = await db.LogCheckpoints.AsNoTracking().Where(c => c.Size == size && c.KeyId == id).Select(c => c.Note).FirstOrDefaultAsync(http.RequestAborted);
            Immutable(http);
            return note is null ? Results.NotFound($"no checkpoint was signed for size {size}") : Results.Text(note, "text/plain; charset=utf-8");
        });
        group.MapGet("/tile/{**path}", async (string path, IDbContextFactory<AuditDbContext> dbFactory, HttpContext http) =>
        {
            if (TilePaths.Parse("tile/" + path) is not var (level, index, width)) return Results.NotFound($"tile/{path} is not a tile path (tile/L/N or tile/L/N.p/W; entry bundles are not published)");
            await using var db = await dbFactory.CreateDbContextAsync(http.RequestAborted);
            var hashes = await db.LogTiles.AsNoTracking().Where(t => t.Level == level && t.Index == index).Select(t => t.Hashes).FirstOrDefaultAsync(http.RequestAborted);
            if (hashes is null || hashes.Length < width * MerkleHash.Size) return Results.NotFound($"tile/{path} does not exist yet");
            Immutable(http);
            return Results.Bytes(hashes.AsMemory(0, width * MerkleHash.Size), "application/octet-stream");
        });
        return app;
    }

    private static void Immutable(HttpContext http) => http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
}
