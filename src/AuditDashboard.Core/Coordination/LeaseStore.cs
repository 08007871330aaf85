using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Coordination;

/// <summary>
/// Leases in the database, so that of several processes on one store exactly one runs a given piece of background
/// work at a time. A holder renews its lease each round; when it stops (it died, or was stopped), the lease runs
/// out and another process takes the work over.
/// </summary>
public sealed class LeaseStore(IDbContextFactory<AuditDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>This process's name in lease rows: host, process id and a per-instance random part.</summary>
    public string Holder { get; } = $"{Environment.MachineName[..Math.Min(64, Environment.MachineName.Length)]}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Takes or renews <paramref name="name"/> for <paramref name="duration"/>; false while another holder's lease runs.</summary>
    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await ExclusiveTransaction.BeginAsync(db, ExclusiveTransaction.Leases, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = await db.Leases.FirstOrDefaultAsync(l => l.Name == name, cancellationToken);
        if (lease is null)
        {
            db.Leases.Add(new Lease { Name = name, Holder = Holder, ExpiresAt = now + duration });
        }
        else
        {
            if (lease.Holder != Holder && lease.ExpiresAt > now) return false;
            (lease.Holder, lease.ExpiresAt) = (Holder, now + duration);
        }
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Gives the lease up at once (a clean shutdown), so another process need not wait for it to run out.</summary>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Leases.Where(l => l.Name == name && l.Holder == Holder).ExecuteDeleteAsync(cancellationToken);
    }
}
