using System.Data.Common;
using AuditDashboard.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;

namespace AuditDashboard.Core.Storage;

/// <summary>
/// Everything that differs between the database engines, one subclass per engine (<see cref="SqliteProvider"/>,
/// <see cref="SqlServerProvider"/>, <see cref="PostgreSqlProvider"/>): how a context connects, how times are
/// stored, how a named lock is held, how a batch of events is appended and how the engine reports a duplicate.
/// The rest of the code asks the provider instead of testing which engine it runs on.
/// </summary>
public abstract class StoreProvider
{
    public static readonly StoreProvider Sqlite = new SqliteProvider();
    public static readonly StoreProvider SqlServer = new SqlServerProvider();
    public static readonly StoreProvider PostgreSql = new PostgreSqlProvider();

    public static IReadOnlyList<StoreProvider> All { get; } = [Sqlite, SqlServer, PostgreSql];

    /// <summary>The value of <c>Database:Provider</c> and <c>--provider</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The EF Core provider's name (<c>DatabaseFacade.ProviderName</c>).</summary>
    protected abstract string EfProviderName { get; }

    public abstract string MigrationsAssembly { get; }

    /// <summary>The provider a configured name stands for, or null for an unknown name.</summary>
    public static StoreProvider? Named(string? name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public static StoreProvider For(DatabaseOptions options) =>
        Named(options.Provider) ?? throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported");

    public static StoreProvider For(DatabaseFacade database) =>
        All.FirstOrDefault(p => p.EfProviderName == database.ProviderName)
        ?? throw new InvalidOperationException($"no store provider for the EF Core provider '{database.ProviderName}'");

    public static StoreProvider For(AuditDbContext db) => For(db.Database);

    /// <summary>Whether an exception is the database's own (unreachable, refused, a constraint): reported, never a crash.</summary>
    public static bool IsStoreFailure(Exception ex) =>
        ex is DbException || ex.InnerException is DbException || ex is TimeoutException;

    /// <summary>What went wrong, with the causes beneath (a TLS handshake's failure says why the certificate was refused).</summary>
    public static string Explain(Exception ex)
    {
        var messages = new List<string>();
        for (var e = ex is not DbException && ex.InnerException is DbException db ? db : ex; e is not null; e = e.InnerException)
            if (!messages.Contains(e.Message.Trim())) messages.Add(e.Message.Trim());
        return string.Join(": ", messages);
    }

    internal abstract void Use(DbContextOptionsBuilder builder, DatabaseOptions options, string contentRoot);

    /// <summary>Where the store is, for a log line or a health answer: never a password.</summary>
    public abstract string Describe(DatabaseOptions options, string contentRoot);

    /// <summary>Why a connection string does not give verified TLS to the server, or null when it does (SQLite: no network).</summary>
    public virtual string? TransportProblem(string connectionString) => null;

    /// <summary>What protects the connection, in words for /healthz and the report.</summary>
    public abstract string InTransit(string? connectionString);

    /// <summary>Whether the engine reports the database encrypted at rest, and in words; null when it cannot say.</summary>
    public virtual Task<(bool? Encrypted, string Description)> AtRestAsync(AuditDbContext db, CancellationToken cancellationToken) =>
        Task.FromResult<(bool?, string)>((null, $"not reported by {Name}: its files are as protected as the volume they are on (use an encrypted volume)"));

    /// <summary>Maps a UTC time column; <paramref name="wholeSeconds"/> for hour and day buckets.</summary>
    internal abstract void Time(PropertyBuilder<DateTime> property, bool wholeSeconds = false);

    internal abstract void Time(PropertyBuilder<DateTime?> property);

    /// <summary>Whether inserts are guarded by BEFORE INSERT triggers that EF must know of (SQLite's replace guards).</summary>
    internal virtual bool GuardsReplaceByTrigger => false;

    /// <summary>The last step of building the model, after every entity is configured.</summary>
    internal virtual void Finish(ModelBuilder modelBuilder)
    {
    }

    /// <summary>
    /// A transaction holding a named lock across every process using the database. Whatever is read inside it
    /// after this returns is current: no other holder of the same name can change it until commit.
    /// </summary>
    public abstract Task<IDbContextTransaction> BeginExclusiveAsync(AuditDbContext db, string name, CancellationToken cancellationToken);

    /// <summary>Before a batch received at <paramref name="receivedAt"/> is appended, in its transaction (PostgreSQL: the month's partition is made).</summary>
    public virtual Task BeforeAppendAsync(AuditDbContext db, DateTime receivedAt, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Which of <paramref name="ids"/> are stored for <paramref name="source"/> (a re-sent batch's events).</summary>
    public virtual Task<List<string>> StoredEventIdsAsync(AuditDbContext db, string source, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        db.Events.Where(e => e.Source == source && ids.Contains(e.EventId)).Select(e => e.EventId).ToListAsync(cancellationToken);

    /// <summary>
    /// Removes the events of one month that retention lets go (seq <paramref name="boundary"/>.FirstSeq to LastSeq),
    /// inside the transaction that records the boundary; returns how many left. The only path by which events leave.
    /// </summary>
    public abstract Task<long> PurgeAsync(AuditDbContext db, Retention.RetentionBoundary boundary, DateTime monthStart, CancellationToken cancellationToken);

    /// <summary>Appends events (seq and hashes set) inside the context's current transaction.</summary>
    public abstract Task AppendEventsAsync(AuditDbContext db, IEnumerable<AccessEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Events where any searchable text column matches a LIKE pattern (escape character <c>\</c>) in any ASCII case,
    /// as SQLite's LIKE and SQL Server's default collation do.
    /// </summary>
    public virtual IQueryable<AccessEvent> WhereAnyTextLike(IQueryable<AccessEvent> query, string like) =>
        query.Where(e =>
            EF.Functions.Like(e.Username!, like, "\\") || EF.Functions.Like(e.UserId!, like, "\\") ||
            EF.Functions.Like(e.ClientId!, like, "\\") || EF.Functions.Like(e.Ip!, like, "\\") ||
            EF.Functions.Like(e.UserAgent!, like, "\\") || EF.Functions.Like(e.Reason!, like, "\\") ||
            EF.Functions.Like(e.EventId, like, "\\") || EF.Functions.Like(e.SessionId!, like, "\\") ||
            EF.Functions.Like(e.Resource!, like, "\\") || EF.Functions.Like(e.Attributes!, like, "\\"));

    /// <summary>The engine refused an event whose (source, event_id) is already stored.</summary>
    public abstract bool IsDuplicateKey(DbException ex);
}
