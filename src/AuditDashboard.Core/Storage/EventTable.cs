using System.Data.Common;
using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Storage;

/// <summary>
/// The append path of SQLite and SQL Server: one INSERT reused for the whole batch on the DbContext's own connection
/// and transaction. EF's change tracker costs more than the insert itself at ingest volumes (see README, Speed).
/// </summary>
public static class EventTable
{
    public static readonly string[] Columns =
    [
        "seq", "received_at", "event_id", "timestamp", "event_type", "outcome", "reason", "source",
        "user_id", "username", "client_id", "session_id", "correlation_id", "trace_id", "token_id",
        "token_type", "parent_token_id", "grant_type", "scope", "roles", "issuer", "audience", "endpoint",
        "http_method", "http_status", "resource", "ip", "user_agent", "geo_country", "geo_city",
        "geo_lat", "geo_lon", "geo_asn", "attributes", "prev_hash", "hash",
    ];

    public static string InsertSql { get; } =
        $"INSERT INTO access_events ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";

    public static void Insert(DbConnection connection, DbTransaction transaction, IEnumerable<AccessEvent> events, bool ticks, bool prepare)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSql;
        var p = new DbParameter[Columns.Length];
        for (int i = 0; i < Columns.Length; i++)
        {
            p[i] = command.CreateParameter();
            p[i].ParameterName = "@" + Columns[i];
            command.Parameters.Add(p[i]);
        }
        bool prepared = false;
        foreach (var e in events)
        {
            p[0].Value = e.Seq;
            p[1].Value = ticks ? e.ReceivedAt.Ticks : e.ReceivedAt;
            p[2].Value = e.EventId;
            p[3].Value = ticks ? e.Timestamp.Ticks : e.Timestamp;
            p[4].Value = e.EventType;
            p[5].Value = e.Outcome;
            p[6].Value = Db(e.Reason);
            p[7].Value = e.Source;
            p[8].Value = Db(e.UserId);
            p[9].Value = Db(e.Username);
            p[10].Value = Db(e.ClientId);
            p[11].Value = Db(e.SessionId);
            p[12].Value = Db(e.CorrelationId);
            p[13].Value = Db(e.TraceId);
            p[14].Value = Db(e.TokenId);
            p[15].Value = Db(e.TokenType);
            p[16].Value = Db(e.ParentTokenId);
            p[17].Value = Db(e.GrantType);
            p[18].Value = Db(e.Scope);
            p[19].Value = Db(e.Roles);
            p[20].Value = Db(e.Issuer);
            p[21].Value = Db(e.Audience);
            p[22].Value = Db(e.Endpoint);
            p[23].Value = Db(e.HttpMethod);
            p[24].Value = e.HttpStatus is { } status ? status : DBNull.Value;
            p[25].Value = Db(e.Resource);
            p[26].Value = Db(e.Ip);
            p[27].Value = Db(e.UserAgent);
            p[28].Value = Db(e.GeoCountry);
            p[29].Value = Db(e.GeoCity);
            p[30].Value = e.GeoLat is { } lat ? lat : DBNull.Value;
            p[31].Value = e.GeoLon is { } lon ? lon : DBNull.Value;
            p[32].Value = e.GeoAsn is { } asn ? asn : DBNull.Value;
            p[33].Value = Db(e.Attributes);
            p[34].Value = e.PrevHash;
            p[35].Value = e.Hash;
            if (prepare && !prepared)
            {
                command.Prepare();
                prepared = true;
            }
            command.ExecuteNonQuery();
        }
    }

    private static object Db(string? value) => value is null ? DBNull.Value : value;
}
