using System.Data;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using AuditDashboard.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace AuditDashboard.Core.Storage;

/// <summary>
/// PostgreSQL (ADR 0016). Times are UTC ticks in bigint, as on SQLite: PostgreSQL's timestamp keeps microseconds and
/// an event's time is hashed to the tick, so a rounded time would break the chain. Text compares and sorts in the
/// "C" collation, byte by byte as on SQLite, so key ranges and keyset pages mean the same on both. A named lock is a
/// transaction-scoped advisory lock, taken in READ COMMITTED: each statement after it reads what the previous holder
/// committed (a serializable snapshot would be taken before the wait and miss it). Events arrive by binary COPY.
/// </summary>
public sealed class PostgreSqlProvider : StoreProvider
{
    public const string Collation = "C";

    private static readonly ValueConverter<DateTime, long> Ticks = new(v => v.Ticks, v => new DateTime(v, DateTimeKind.Utc));
    private static readonly ValueConverter<DateTime?, long?> NullableTicks =
        new(v => v.HasValue ? v.Value.Ticks : null, v => v.HasValue ? new DateTime(v.Value, DateTimeKind.Utc) : null);

    public override string Name => DatabaseOptions.PostgreSqlProvider;
    protected override string EfProviderName => "Npgsql.EntityFrameworkCore.PostgreSQL";
    public override string MigrationsAssembly => "AuditDashboard.Migrations.PostgreSql";

    internal override void Use(DbContextOptionsBuilder builder, DatabaseOptions options, string contentRoot) =>
        builder.UseNpgsql(options.ConnectionString, o => o.MigrationsAssembly(MigrationsAssembly));

    public override string Describe(DatabaseOptions options, string contentRoot)
    {
        var c = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        return $"PostgreSQL {c.Host}:{c.Port}/{c.Database} as {c.Username} (SSL Mode={c.SslMode})";
    }

    public override string? TransportProblem(string connectionString)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        return c.SslMode == SslMode.VerifyFull ? null
            : $"Database:ConnectionString has SSL Mode={c.SslMode}: outside Development the PostgreSQL connection must use SSL Mode=VerifyFull " +
              "(TLS, the server's certificate checked against a trusted CA and its host name; Root Certificate=FILE names a private CA)";
    }

    public override string InTransit(string? connectionString) => new NpgsqlConnectionStringBuilder(connectionString).SslMode switch
    {
        SslMode.VerifyFull => "TLS, the server's certificate and host name verified (SSL Mode=VerifyFull)",
        SslMode.VerifyCA => "TLS, the server's certificate verified but not its host name (SSL Mode=VerifyCA)",
        SslMode.Require => "TLS, the server's certificate not verified (SSL Mode=Require)",
        SslMode.Disable => "unencrypted (SSL Mode=Disable)",
        var mode => $"TLS only if the server offers it, not verified (SSL Mode={mode})",
    };

    internal override void Time(PropertyBuilder<DateTime> property, bool wholeSeconds = false) => property.HasConversion(Ticks);

    internal override void Time(PropertyBuilder<DateTime?> property) => property.HasConversion(NullableTicks);

    internal override void Finish(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.ClrType == typeof(string)) property.SetCollation(Collation);
                else if (property.GetValueConverter() is null && property.ClrType == typeof(DateTime)) property.SetValueConverter(Ticks);
                else if (property.GetValueConverter() is null && property.ClrType == typeof(DateTime?)) property.SetValueConverter(NullableTicks);
            }
        }
    }

    public override async Task<IDbContextTransaction> BeginExclusiveAsync(AuditDbContext db, string name, CancellationToken cancellationToken)
    {
        var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [LockKey(name)], cancellationToken);
        return tx;
    }

    /// <summary>A stable 64-bit key for a lock name (the first 8 bytes of its SHA-256).</summary>
    public static long LockKey(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0);

    public override Task BeforeAppendAsync(AuditDbContext db, DateTime receivedAt, CancellationToken cancellationToken) =>
        PostgreSqlPartitions.EnsureAsync(db, receivedAt, cancellationToken);

    /// <summary>(source, event_id) is unique across months in event_keys (ADR 0018), not in the partitioned table.</summary>
    public override Task<List<string>> StoredEventIdsAsync(AuditDbContext db, string source, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<string>($"SELECT event_id AS \"Value\" FROM event_keys WHERE source = {source} AND event_id = ANY({ids.ToArray()})")
            .ToListAsync(cancellationToken);

    public override Task<long> PurgeAsync(AuditDbContext db, Retention.RetentionBoundary boundary, DateTime monthStart, CancellationToken cancellationToken) =>
        PostgreSqlPartitions.DropAsync(db, boundary, monthStart, cancellationToken);

    public override Task AppendEventsAsync(AuditDbContext db, IEnumerable<AccessEvent> events, CancellationToken cancellationToken) =>
        PostgreSqlCopy.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), events, cancellationToken);

    // LIKE is case-sensitive on PostgreSQL; ILIKE folds ASCII case as the other engines' LIKE does.
    public override IQueryable<AccessEvent> WhereAnyTextLike(IQueryable<AccessEvent> query, string like) =>
        query.Where(e =>
            EF.Functions.ILike(e.Username!, like, "\\") || EF.Functions.ILike(e.UserId!, like, "\\") ||
            EF.Functions.ILike(e.ClientId!, like, "\\") || EF.Functions.ILike(e.Ip!, like, "\\") ||
            EF.Functions.ILike(e.UserAgent!, like, "\\") || EF.Functions.ILike(e.Reason!, like, "\\") ||
            EF.Functions.ILike(e.EventId, like, "\\") || EF.Functions.ILike(e.SessionId!, like, "\\") ||
            EF.Functions.ILike(e.Resource!, like, "\\") || EF.Functions.ILike(e.Attributes!, like, "\\"));

    /// <summary>unique_violation on (source, event_id).</summary>
    public override bool IsDuplicateKey(DbException ex) => ex is PostgresException pg && pg.SqlState == PostgresErrorCodes.UniqueViolation;
}
