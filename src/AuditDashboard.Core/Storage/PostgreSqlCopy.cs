using AuditDashboard.Core.Events;
using Npgsql;
using NpgsqlTypes;

namespace AuditDashboard.Core.Storage;

/// <summary>
/// Appends a batch in one binary COPY on the connection's open transaction: one round trip for the batch instead
/// of one per event. Triggers fire for COPY as for INSERT, so the append-only guards hold for it.
/// </summary>
public static class PostgreSqlCopy
{
    public static string CopySql { get; } = $"COPY {AuditDbContext.EventsTable} ({string.Join(", ", EventTable.Columns)}) FROM STDIN (FORMAT BINARY)";

    public static async Task AppendAsync(NpgsqlConnection connection, IEnumerable<AccessEvent> events, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(CopySql, cancellationToken);
        foreach (var e in events)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(e.Seq, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(e.ReceivedAt.Ticks, NpgsqlDbType.Bigint, cancellationToken);
            await Text(writer, e.EventId, cancellationToken);
            await writer.WriteAsync(e.Timestamp.Ticks, NpgsqlDbType.Bigint, cancellationToken);
            await Text(writer, e.EventType, cancellationToken);
            await Text(writer, e.Outcome, cancellationToken);
            await Text(writer, e.Reason, cancellationToken);
            await Text(writer, e.Source, cancellationToken);
            await Text(writer, e.UserId, cancellationToken);
            await Text(writer, e.Username, cancellationToken);
            await Text(writer, e.ClientId, cancellationToken);
            await Text(writer, e.SessionId, cancellationToken);
            await Text(writer, e.CorrelationId, cancellationToken);
            await Text(writer, e.TraceId, cancellationToken);
            await Text(writer, e.TokenId, cancellationToken);
            await Text(writer, e.TokenType, cancellationToken);
            await Text(writer, e.ParentTokenId, cancellationToken);
            await Text(writer, e.GrantType, cancellationToken);
            await Text(writer, e.Scope, cancellationToken);
            await Text(writer, e.Roles, cancellationToken);
            await Text(writer, e.Issuer, cancellationToken);
            await Text(writer, e.Audience, cancellationToken);
            await Text(writer, e.Endpoint, cancellationToken);
            await Text(writer, e.HttpMethod, cancellationToken);
            if (e.HttpStatus is { } status) await writer.WriteAsync(status, NpgsqlDbType.Integer, cancellationToken);
            else await writer.WriteNullAsync(cancellationToken);
            await Text(writer, e.Resource, cancellationToken);
            await Text(writer, e.Ip, cancellationToken);
            await Text(writer, e.UserAgent, cancellationToken);
            await Text(writer, e.GeoCountry, cancellationToken);
            await Text(writer, e.GeoCity, cancellationToken);
            await Number(writer, e.GeoLat, cancellationToken);
            await Number(writer, e.GeoLon, cancellationToken);
            if (e.GeoAsn is { } asn) await writer.WriteAsync(asn, NpgsqlDbType.Bigint, cancellationToken);
            else await writer.WriteNullAsync(cancellationToken);
            await Text(writer, e.Attributes, cancellationToken);
            await writer.WriteAsync(e.PrevHash, NpgsqlDbType.Bytea, cancellationToken);
            await writer.WriteAsync(e.Hash, NpgsqlDbType.Bytea, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static Task Text(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static Task Number(NpgsqlBinaryImporter writer, double? value, CancellationToken cancellationToken) =>
        value is { } v ? writer.WriteAsync(v, NpgsqlDbType.Double, cancellationToken) : writer.WriteNullAsync(cancellationToken);
}
