using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Storage;

/// <summary>
/// The privileges of the role the dashboard runs as on a server engine: INSERT and SELECT on the evidence tables and
/// nothing else there, full DML on the tables derived from them, no DDL anywhere. Migrations run as the owner.
/// </summary>
public static partial class RuntimeRole
{
    /// <summary>The tables whose rows are evidence: never updated or deleted (triggers refuse it too).</summary>
    public static readonly IReadOnlyList<string> AppendOnlyTables = ["access_events", "chain_heads", "alert_history", "log_checkpoints", "log_cosignatures", "retention_boundaries"];

    /// <summary>Written once and kept: the evidence, the reports generated from it, and the Data Protection key ring (a key is revoked by a new element).</summary>
    public static readonly IReadOnlyList<string> InsertOnlyTables = [.. AppendOnlyTables, "reports", "data_protection_keys"];

    /// <summary>Rows that change but are never removed: the Merkle tree's partial tiles, alerts and their state, API keys and legal holds (revoked or released, not deleted).</summary>
    public static readonly IReadOnlyList<string> NeverDeletedTables = ["log_tiles", "alerts", "detection_state", "api_keys", "legal_holds"];

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex RoleName();

    /// <summary>True when the connected principal owns the evidence tables (or is a superuser): only it can grant on them.</summary>
    public static async Task<bool> IsOwnerAsync(AuditDbContext db, CancellationToken cancellationToken = default) =>
        await db.Database.SqlQueryRaw<bool>(
            "SELECT pg_has_role(current_user, c.relowner, 'USAGE') AS \"Value\" FROM pg_class c WHERE c.relname = 'access_events' AND c.relkind IN ('r', 'p')")
            .SingleAsync(cancellationToken);

    /// <summary>The statements that give <paramref name="role"/> exactly the runtime's privileges on this database.</summary>
    public static IReadOnlyList<string> GrantStatements(AuditDbContext db, string role)
    {
        if (!RoleName().IsMatch(role))
            throw new ArgumentException($"'{role}' is not a role name this command accepts (letters, digits and _, at most 63, not starting with a digit)", nameof(role));
        var provider = StoreProvider.For(db);
        if (provider is not PostgreSqlProvider)
            throw new NotSupportedException($"runtime grants are written for PostgreSQL; on {provider.Name} " +
                (provider is SqliteProvider ? "there are no roles: the file's permissions are the boundary (docs/deployment.md)"
                    : "grant db_datareader and db_datawriter and DENY UPDATE, DELETE on the evidence tables (docs/deployment.md)"));

        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var quoted = $"\"{role}\"";
        var sql = new List<string>
        {
            $"GRANT CONNECT ON DATABASE \"{db.Database.GetDbConnection().Database}\" TO {quoted}",
            $"GRANT USAGE ON SCHEMA public TO {quoted}",
            $"GRANT SELECT ON \"__EFMigrationsHistory\" TO {quoted}",
        };
        foreach (var table in tables)
        {
            // Revoked first, so running it again after a change of policy leaves exactly this.
            sql.Add($"REVOKE ALL ON \"{table}\" FROM {quoted}");
            var rights = InsertOnlyTables.Contains(table) ? "SELECT, INSERT"
                : NeverDeletedTables.Contains(table) ? "SELECT, INSERT, UPDATE"
                : "SELECT, INSERT, UPDATE, DELETE";
            sql.Add($"GRANT {rights} ON \"{table}\" TO {quoted}");
        }
        // Outside the model (ADR 0018): the keys that keep (source, event_id) unique across monthly partitions, filled by
        // the insert trigger as the runtime role, and the owner's function that makes a new month's partition.
        sql.Add($"REVOKE ALL ON event_keys FROM {quoted}");
        sql.Add($"GRANT SELECT, INSERT ON event_keys TO {quoted}");
        sql.Add($"GRANT EXECUTE ON FUNCTION auditdash_event_month(integer, integer) TO {quoted}");
        sql.Add($"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}");
        return sql;
    }
}
