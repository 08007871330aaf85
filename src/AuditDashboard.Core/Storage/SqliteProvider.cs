using System.Data;
using System.Data.Common;
using AuditDashboard.Core.Events;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;

namespace AuditDashboard.Core.Storage;

/// <summary>
/// The embedded default. SQLite has no date type: UTC ticks as INTEGER are exact and order as numbers. Its write
/// lock is taken at BEGIN (Microsoft.Data.Sqlite begins a serializable transaction IMMEDIATE), so there is one
/// writer at a time for the whole file and every named lock is that one lock.
/// </summary>
public sealed class SqliteProvider : StoreProvider
{
    public override string Name => DatabaseOptions.SqliteProvider;
    protected override string EfProviderName => "Microsoft.EntityFrameworkCore.Sqlite";
    public override string MigrationsAssembly => "AuditDashboard.Migrations.Sqlite";

    internal override void Use(DbContextOptionsBuilder builder, DatabaseOptions options, string contentRoot)
    {
        var path = AuditStore.ResolveSqlitePath(options, contentRoot);
        var connection = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        builder.UseSqlite(connection, o => o.MigrationsAssembly(MigrationsAssembly))
            .AddInterceptors(new SqlitePragmas(options.SqliteCacheMiB));
    }

    public override string Describe(DatabaseOptions options, string contentRoot) => $"SQLite {AuditStore.ResolveSqlitePath(options, contentRoot)}";

    public override string InTransit(string? connectionString) => "a local file, no network";

    internal override void Time(PropertyBuilder<DateTime> property, bool wholeSeconds = false) =>
        property.HasConversion(v => v.Ticks, v => new DateTime(v, DateTimeKind.Utc));

    internal override void Time(PropertyBuilder<DateTime?> property) =>
        property.HasConversion(v => v.HasValue ? v.Value.Ticks : (long?)null, v => v.HasValue ? new DateTime(v.Value, DateTimeKind.Utc) : null);

    internal override bool GuardsReplaceByTrigger => true;

    public override Task<IDbContextTransaction> BeginExclusiveAsync(AuditDbContext db, string name, CancellationToken cancellationToken) =>
        db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);

    public override Task AppendEventsAsync(AuditDbContext db, IEnumerable<AccessEvent> events, CancellationToken cancellationToken)
    {
        EventTable.Insert(db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction(), events, ticks: true, prepare: true);
        return Task.CompletedTask;
    }

    /// <summary>The delete guard lets through exactly the events up to the boundary recorded in this transaction.</summary>
    public override async Task<long> PurgeAsync(AuditDbContext db, Retention.RetentionBoundary boundary, DateTime monthStart, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"DELETE FROM access_events WHERE seq >= {boundary.FirstSeq} AND seq <= {boundary.LastSeq}", cancellationToken);

    /// <summary>The guard trigger on (source, event_id), or the unique index behind it.</summary>
    public override bool IsDuplicateKey(DbException ex) =>
        ex is SqliteException sqlite && (sqlite.Message.Contains("would replace a stored event", StringComparison.Ordinal)
                                         || sqlite.SqliteExtendedErrorCode == 2067); // SQLITE_CONSTRAINT_UNIQUE
}
