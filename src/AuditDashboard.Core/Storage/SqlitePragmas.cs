using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AuditDashboard.Core.Storage;

/// <summary>
/// Applied on every opened SQLite connection: WAL so readers never block the writer, NORMAL sync
/// (durable at checkpoints, safe against corruption in WAL mode), a larger page cache for index upkeep.
/// </summary>
public sealed class SqlitePragmas(int cacheMiB) : DbConnectionInterceptor
{
    public string Sql { get; } =
        $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-{cacheMiB * 1024};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    public void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }
}
