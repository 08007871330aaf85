using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using AuditDashboard.Core.Storage;

namespace AuditDashboard.Core.Integrity;

/// <summary>
/// SQLite keeps whatever type a value was written with, whatever the column says: a timestamp rewritten as text
/// (<c>'638…x'</c>) still reads back as the same number, so its hash still matches, yet every time filter and report
/// population misses the event. The stored type of every column is checked against the schema, and the first row
/// holding another type is a modification. (SQL Server enforces column types itself.)
/// </summary>
public static class StorageClassCheck
{
    private static readonly (string Column, string Types)[] Columns =
    [
        ("seq", "'integer'"), ("received_at", "'integer'"), ("timestamp", "'integer'"), ("prev_hash", "'blob'"), ("hash", "'blob'"),
        ("event_id", "'text'"), ("event_type", "'text'"), ("outcome", "'text'"), ("source", "'text'"),
        .. new[]
        {
            "reason", "user_id", "username", "client_id", "session_id", "correlation_id", "trace_id", "token_id", "token_type",
            "parent_token_id", "grant_type", "scope", "roles", "issuer", "audience", "endpoint", "http_method", "resource", "ip",
            "user_agent", "geo_country", "geo_city", "attributes",
        }.Select(c => (c, "'text','null'")),
        ("http_status", "'integer','null'"), ("geo_asn", "'integer','null'"), ("geo_lat", "'real','null'"), ("geo_lon", "'real','null'"),
    ];

    private static readonly string Sql =
        "SELECT seq, CASE " + string.Join(" ", Columns.Select(c => $"WHEN typeof({c.Column}) NOT IN ({c.Types}) THEN '{c.Column}:' || typeof({c.Column})")) +
        " END AS problem FROM " + AuditDbContext.EventsTable + " WHERE " + string.Join(" OR ", Columns.Select(c => $"typeof({c.Column}) NOT IN ({c.Types})")) +
        " ORDER BY seq LIMIT 1";

    /// <summary>The first event (by seq) holding a value of another type than its column's, with the column and the type found.</summary>
    public static async Task<(long Seq, string Column, string Found)?> FirstMisstoredAsync(AuditDbContext db, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsSqlite()) return null;
        var command = db.Database.GetDbConnection().CreateCommand();
        await using (command)
        {
            command.CommandText = Sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return null;
            long seq = reader.IsDBNull(0) ? 0 : Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            var problem = reader.GetString(1).Split(':');
            return (seq, problem[0], problem[1]);
        }
    }
}
