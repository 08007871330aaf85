using AuditDashboard.Core.Events;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AuditDashboard.Core.Integrity;

/// <summary>
/// SQLite keeps whatever type a value was written with, whatever the column says: a timestamp rewritten as text
/// (<c>'638…x'</c>) still reads back as the same number, so its hash still matches, yet every time filter and report
/// population misses the event. The stored type of every column is checked against the schema, and the first row
/// holding another type is a modification. (SQL Server enforces column types itself.)
/// </summary>
public static class StorageClassCheck
{
    /// <summary>The first event (by seq) holding a value of another type than its column's, with the column and the type found.</summary>
    public static async Task<(long Seq, string Column, string Found)?> FirstMisstoredAsync(AuditDbContext db, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsSqlite()) return null;
        var command = db.Database.GetDbConnection().CreateCommand();
        await using (command)
        {
            command.CommandText = Sql(db);
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return null;
            long seq = reader.IsDBNull(0) ? 0 : Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            var problem = reader.GetString(1).Split(':');
            return (seq, problem[0], problem[1]);
        }
    }

    /// <summary>As <see cref="FirstMisstoredAsync"/>, on a connection of its own, so it runs beside the verifier's walk.</summary>
    public static Task<(long Seq, string Column, string Found)?> FirstMisstoredConcurrentlyAsync(AuditDbContext db, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsSqlite()) return Task.FromResult<(long, string, string)?>(null);
        return Task.Run(async () =>
        {
            await using var other = db.Sibling();
            await other.Database.OpenConnectionAsync(cancellationToken);
            return await FirstMisstoredAsync(other, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Each column's allowed storage classes, from the model itself (the type a value converter stores, then
    /// whether the column may be null), so a column added to the events table is checked without editing this.
    /// </summary>
    private static string Sql(AuditDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(AccessEvent))!;
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p =>
        {
            var provider = p.GetTypeMapping().Converter?.ProviderClrType ?? p.ClrType;
            var stored = Nullable.GetUnderlyingType(provider) ?? provider;
            string type = stored == typeof(string) ? "text" : stored == typeof(byte[]) ? "blob" : stored == typeof(double) || stored == typeof(float) ? "real" : "integer";
            return (Column: p.GetColumnName(table)!, Types: p.IsNullable ? $"'{type}','null'" : $"'{type}'");
        }).ToList();
        return "SELECT seq, CASE " + string.Join(" ", columns.Select(c => $"WHEN typeof({c.Column}) NOT IN ({c.Types}) THEN '{c.Column}:' || typeof({c.Column})")) +
            " END AS problem FROM " + AuditDbContext.EventsTable + " WHERE " + string.Join(" OR ", columns.Select(c => $"typeof({c.Column}) NOT IN ({c.Types})")) +
            " ORDER BY seq LIMIT 1";
    }
}
