using System.CommandLine;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Cli.Commands;

/// <summary>Opens the store the global options point at.</summary>
internal static class Store
{
    /// <summary>A context factory; with <paramref name="mustExist"/> a missing SQLite file is a usage error instead of a new empty store.</summary>
    public static IDbContextFactory<AuditDbContext> Open(StoreOptions store, ParseResult parse, bool mustExist)
    {
        var (options, baseFolder) = store.Resolve(parse);
        if (options.IsSqlite)
        {
            var path = AuditStore.ResolveSqlitePath(options, baseFolder);
            if (mustExist && !File.Exists(path))
                throw new UsageException($"no database at {path}; pass --db FILE, or run 'auditdash migrate' to create one");
            Console.Error.WriteLine($"database: SQLite {path}");
        }
        else
        {
            Console.Error.WriteLine($"database: {StoreProvider.For(options).Describe(options, baseFolder)}");
        }
        return new SimpleDbContextFactory(AuditStore.CreateOptions(options, baseFolder));
    }

    public static async Task<IDbContextFactory<AuditDbContext>> OpenMigratedAsync(StoreOptions store, ParseResult parse, CancellationToken cancellationToken)
    {
        var factory = Open(store, parse, mustExist: false);
        await using var db = factory.CreateDbContext();
        await AuditStore.MigrateAsync(db, cancellationToken);
        return factory;
    }

    /// <summary>Throws when the schema is older than this build, so nothing is read through a mismatched model.</summary>
    public static async Task RequireCurrentSchemaAsync(AuditDbContext db, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
            throw new UsageException($"the database schema is not current ({pending.Count} migration(s) pending); run 'auditdash migrate' first");
    }
}
