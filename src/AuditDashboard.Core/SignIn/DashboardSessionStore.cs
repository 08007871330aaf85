using System.Security.Cryptography;
using System.Text;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.SignIn;

/// <summary>
/// Server-side dashboard sessions: started at sign-in, checked on every request and by every open page, ended at
/// sign-out, after <c>idle</c> without activity or <c>absolute</c> after sign-in, whichever comes first. A copy of a
/// cookie is worth nothing once its session has ended.
/// </summary>
public sealed class DashboardSessionStore(IDbContextFactory<AuditDbContext> dbFactory, TimeProvider clock)
{
    public const string SignedOut = "signed_out";
    public const string Idle = "idle";
    public const string AbsoluteLifetime = "absolute_lifetime";
    public const string RolesChanged = "roles_changed";
    public const string Unknown = "unknown";

    /// <summary>
    /// Starts a session and returns its id (kept only in the user's cookie; the store keeps its SHA-256). A sign-in
    /// whose roles differ from those of the user's open sessions ends them: pages still open with the old roles lose
    /// their rights at their next check.
    /// </summary>
    public async Task<string> StartAsync(string userName, IEnumerable<string> roles, CancellationToken cancellationToken = default)
    {
        var id = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        userName = userName.Length > 256 ? userName[..256] : userName;
        var held = string.Join(",", roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        if (held.Length > 512) held = held[..512];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var stale in await db.DashboardSessions.Where(s => s.UserName == userName && s.EndedAt == null && s.Roles != held).ToListAsync(cancellationToken))
            (stale.EndedAt, stale.EndReason) = (now, RolesChanged);
        db.DashboardSessions.Add(new DashboardSession
        {
            IdHash = Hash(id), UserName = userName, Roles = held, CreatedAt = now, LastSeenAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// Whether the session may still act; ends it when it has run out. With <paramref name="activity"/> the check
    /// counts as use and keeps an active session from going idle.
    /// </summary>
    public async Task<SessionCheck> CheckAsync(string? id, TimeSpan idle, TimeSpan absolute, bool activity, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(id)) return new SessionCheck(false, Unknown);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = Hash(id);
        var session = await db.DashboardSessions.FirstOrDefaultAsync(s => s.IdHash == hash, cancellationToken);
        if (session is null) return new SessionCheck(false, Unknown);
        if (session.EndedAt is not null) return new SessionCheck(false, session.EndReason);
        var now = clock.GetUtcNow().UtcDateTime;
        string? expired = now - session.CreatedAt >= absolute ? AbsoluteLifetime : now - session.LastSeenAt >= idle ? Idle : null;
        if (expired is not null)
        {
            (session.EndedAt, session.EndReason) = (now, expired);
            await db.SaveChangesAsync(cancellationToken);
            return new SessionCheck(false, expired);
        }
        // Written at most every quarter of the idle timeout (and every minute at most), not on every request.
        if (activity && now - session.LastSeenAt >= TimeSpan.FromTicks(Math.Min(idle.Ticks / 4, TimeSpan.TicksPerMinute)))
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
        return SessionCheck.Valid;
    }

    /// <summary>Ends the session (sign-out); a no-op for an unknown or already ended one.</summary>
    public async Task EndAsync(string? id, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(id)) return;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = Hash(id);
        var session = await db.DashboardSessions.FirstOrDefaultAsync(s => s.IdHash == hash, cancellationToken);
        if (session is null || session.EndedAt is not null) return;
        (session.EndedAt, session.EndReason) = (clock.GetUtcNow().UtcDateTime, reason);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
