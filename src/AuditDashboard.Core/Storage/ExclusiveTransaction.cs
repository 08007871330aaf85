using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AuditDashboard.Core.Storage;

/// <summary>
/// A transaction that holds a named lock across every process using the database, the one place where the engines
/// differ on it: SQLite takes its write lock at BEGIN (Microsoft.Data.Sqlite begins a serializable transaction
/// IMMEDIATE), so there is one writer at a time for the whole file; SQL Server takes an application lock on the name.
/// Whatever is read inside it is current: no other process can change it until commit.
/// </summary>
public static class ExclusiveTransaction
{
    public const string Chain = "auditdashboard-chain";
    public const string Aggregates = "auditdashboard-aggregates";
    public const string Leases = "auditdashboard-leases";

    public static async Task<IDbContextTransaction> BeginAsync(AuditDbContext db, string name, CancellationToken cancellationToken)
    {
        var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        if (!db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync(
                "EXEC sp_getapplock @Resource = {0}, @LockMode = 'Exclusive', @LockOwner = 'Transaction'", [name], cancellationToken);
        return tx;
    }
}
