using Microsoft.EntityFrameworkCore.Storage;

namespace AuditDashboard.Core.Storage;

/// <summary>
/// A transaction that holds a named lock across every process using the database; each provider says how
/// (<see cref="StoreProvider.BeginExclusiveAsync"/>). Whatever is read inside it is current: no other process can
/// change it until commit.
/// </summary>
public static class ExclusiveTransaction
{
    public const string Chain = "auditdashboard-chain";
    public const string Aggregates = "auditdashboard-aggregates";
    public const string Leases = "auditdashboard-leases";

    public static Task<IDbContextTransaction> BeginAsync(AuditDbContext db, string name, CancellationToken cancellationToken) =>
        StoreProvider.For(db).BeginExclusiveAsync(db, name, cancellationToken);
}
