using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Storage;

/// <summary>Configures the DbContext for the chosen provider; shared by the web app, the CLI and the tests.</summary>
public static class AuditStore
{
    public static string ResolveSqlitePath(DatabaseOptions options, string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(options.SqlitePath) ? options.SqlitePath : Path.Combine(contentRoot, options.SqlitePath));

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options, string contentRoot) =>
        StoreProvider.For(options).Use(builder, options, contentRoot);

    public static DbContextOptions<AuditDbContext> CreateOptions(DatabaseOptions options, string contentRoot)
    {
        var builder = new DbContextOptionsBuilder<AuditDbContext>();
        Configure(builder, options, contentRoot);
        return builder.Options;
    }

    /// <summary>Creates the SQLite folder if needed and applies every pending migration.</summary>
    public static async Task MigrateAsync(AuditDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        // A current schema needs no DDL, so a runtime principal without it may open the store too.
        if (await db.Database.CanConnectAsync(cancellationToken) && !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()) return;
        await db.Database.MigrateAsync(cancellationToken);
    }
}
