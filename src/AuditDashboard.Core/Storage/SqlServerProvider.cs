using System.Data;
using System.Data.Common;
using AuditDashboard.Core.Events;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;

namespace AuditDashboard.Core.Storage;

/// <summary>
/// SQL Server: datetime2(7) is exact to the tick; a named lock is an application lock owned by the transaction.
/// </summary>
public sealed class SqlServerProvider : StoreProvider
{
    public override string Name => DatabaseOptions.SqlServerProvider;
    protected override string EfProviderName => "Microsoft.EntityFrameworkCore.SqlServer";
    public override string MigrationsAssembly => "AuditDashboard.Migrations.SqlServer";

    internal override void Use(DbContextOptionsBuilder builder, DatabaseOptions options, string contentRoot) =>
        builder.UseSqlServer(options.ConnectionString, o => o.MigrationsAssembly(MigrationsAssembly));

    public override string Describe(DatabaseOptions options, string contentRoot)
    {
        var safe = new SqlConnectionStringBuilder(options.ConnectionString);
        return $"SQL Server {safe.DataSource}/{safe.InitialCatalog}";
    }

    public override string? TransportProblem(string connectionString)
    {
        var c = new SqlConnectionStringBuilder(connectionString);
        if (c.Encrypt == SqlConnectionEncryptOption.Optional)
            return "Database:ConnectionString has Encrypt=False: outside Development the SQL Server connection must use Encrypt=True (or Strict)";
        if (c.TrustServerCertificate)
            return "Database:ConnectionString has TrustServerCertificate=True: outside Development the server's certificate must be verified (remove it, and trust the CA on this machine)";
        return null;
    }

    public override string InTransit(string? connectionString)
    {
        var c = new SqlConnectionStringBuilder(connectionString);
        if (c.Encrypt == SqlConnectionEncryptOption.Optional) return "unencrypted (Encrypt=False)";
        return c.TrustServerCertificate ? $"TLS, the server's certificate not verified (Encrypt={c.Encrypt}, TrustServerCertificate=True)"
            : $"TLS, the server's certificate verified (Encrypt={c.Encrypt})";
    }

    /// <summary>Transparent Data Encryption, from sys.dm_database_encryption_keys (state 3 is encrypted; it needs VIEW SERVER STATE).</summary>
    public override async Task<(bool? Encrypted, string Description)> AtRestAsync(AuditDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            var states = await db.Database.SqlQueryRaw<int>(
                "SELECT encryption_state AS [Value] FROM sys.dm_database_encryption_keys WHERE database_id = DB_ID()").ToListAsync(cancellationToken);
            return states.Contains(3) ? (true, "SQL Server Transparent Data Encryption: encrypted")
                : (false, states.Count == 0 ? "SQL Server Transparent Data Encryption is off for this database" : $"SQL Server TDE state {states[0]} (not yet encrypted)");
        }
        catch (SqlException ex)
        {
            return (null, $"SQL Server TDE state could not be read ({ex.Message}); grant VIEW SERVER STATE to see it");
        }
    }

    internal override void Time(PropertyBuilder<DateTime> property, bool wholeSeconds = false) =>
        property.HasColumnType(wholeSeconds ? "datetime2(0)" : "datetime2(7)");

    internal override void Time(PropertyBuilder<DateTime?> property) => property.HasColumnType("datetime2(7)");

    public override async Task<IDbContextTransaction> BeginExclusiveAsync(AuditDbContext db, string name, CancellationToken cancellationToken)
    {
        var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            "EXEC sp_getapplock @Resource = {0}, @LockMode = 'Exclusive', @LockOwner = 'Transaction'", [name], cancellationToken);
        return tx;
    }

    // SqlClient needs parameter sizes for a prepared command, so the batch runs unprepared.
    public override Task AppendEventsAsync(AuditDbContext db, IEnumerable<AccessEvent> events, CancellationToken cancellationToken)
    {
        EventTable.Insert(db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction(), events, ticks: false, prepare: false);
        return Task.CompletedTask;
    }

    /// <summary>The unique index on (source, event_id): 2601 / 2627.</summary>
    public override bool IsDuplicateKey(DbException ex) => ex is SqlException sql && sql.Number is 2601 or 2627;

    /// <summary>
    /// Not on SQL Server yet: a ledger table never lets a row go, and the trigger-guarded table has no partition
    /// scheme to switch out (docs/retention.md says so).
    /// </summary>
    public override Task<long> PurgeAsync(AuditDbContext db, Retention.RetentionBoundary boundary, DateTime monthStart, CancellationToken cancellationToken) =>
        throw new NotSupportedException("retention is not available on SQL Server yet: events leave only on SQLite and PostgreSQL (docs/retention.md)");
}
