using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Retention;

/// <summary>Placing and releasing legal holds; each is recorded in the chain as the dashboard's own action.</summary>
public sealed class LegalHolds(IDbContextFactory<AuditDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxReasonLength = 1024;

    public async Task<LegalHold> PlaceAsync(string reason, string? source, string? user, DateTime? from, DateTime? to, string by, CancellationToken cancellationToken = default)
    {
        reason = reason.Trim();
        if (reason.Length == 0) throw new ArgumentException("a legal hold needs a reason (--reason), e.g. the matter or request it is kept for");
        if (reason.Length > MaxReasonLength) throw new ArgumentException($"the reason is {reason.Length} characters, over the limit of {MaxReasonLength}");
        if (from is { } f && to is { } t && f >= t) throw new ArgumentException("the hold's period must start before it ends (--from before --to)");
        if (source?.Length > 256 || user?.Length > 256) throw new ArgumentException("--source and --user are at most 256 characters");
        var hold = new LegalHold
        {
            Reason = reason, Source = source, User = user, From = from, To = to, PlacedAt = clock.GetUtcNow().UtcDateTime, PlacedBy = by,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.LegalHolds.Add(hold);
            await db.SaveChangesAsync(cancellationToken);
        }
        await AuditAsync("legal_hold_placed", hold, by, cancellationToken);
        return hold;
    }

    public async Task<List<LegalHold>> ListAsync(bool includeReleased, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.LegalHolds.AsNoTracking();
        if (!includeReleased) query = query.Where(h => h.ReleasedAt == null);
        return await query.OrderBy(h => h.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Ends a hold in force; the row stays, with who released it, when and why.</summary>
    public async Task<LegalHold> ReleaseAsync(long id, string reason, string by, CancellationToken cancellationToken = default)
    {
        reason = reason.Trim();
        if (reason.Length == 0) throw new ArgumentException("releasing a legal hold needs a reason (--reason)");
        if (reason.Length > MaxReasonLength) throw new ArgumentException($"the reason is {reason.Length} characters, over the limit of {MaxReasonLength}");
        LegalHold hold;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            hold = await db.LegalHolds.FirstOrDefaultAsync(h => h.Id == id, cancellationToken)
                   ?? throw new ArgumentException($"there is no legal hold {id} ('auditdash hold list' shows them)");
            if (!hold.InForce) throw new ArgumentException($"legal hold {id} was already released on {hold.ReleasedAt:yyyy-MM-dd HH:mm} UTC by {hold.ReleasedBy}");
            (hold.ReleasedAt, hold.ReleasedBy, hold.ReleaseReason) = (clock.GetUtcNow().UtcDateTime, by, reason);
            await db.SaveChangesAsync(cancellationToken);
        }
        await AuditAsync("legal_hold_released", hold, by, cancellationToken);
        return hold;
    }

    private Task AuditAsync(string action, LegalHold hold, string by, CancellationToken cancellationToken) =>
        DashboardAudit.RecordAsync(dbFactory, clock, by, "cli:hold", new Dictionary<string, string?>
        {
            ["action"] = action, ["hold_id"] = hold.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["scope"] = hold.Scope(),
            ["reason"] = action == "legal_hold_released" ? hold.ReleaseReason : hold.Reason,
        }, cancellationToken);
}
