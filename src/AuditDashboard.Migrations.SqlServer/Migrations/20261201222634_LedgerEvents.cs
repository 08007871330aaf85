using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// On SQL Server 2022 and Azure SQL, access_events becomes an append-only ledger table: the engine itself refuses
    /// UPDATE and DELETE (no trigger to drop), and its ledger digest covers every insert. A table cannot be converted,
    /// so it is rebuilt with the same columns and indexes and its rows copied in seq order. Older servers keep the
    /// INSTEAD OF triggers (ADR 0003). On both, the insert-order check SQLite has: a new seq extends the chain by one.
    /// </summary>
    public partial class LedgerEvents : Migration
    {
        private const string Columns =
            "seq, received_at, event_id, timestamp, event_type, outcome, reason, source, user_id, username, client_id, session_id, correlation_id, " +
            "trace_id, token_id, token_type, parent_token_id, grant_type, scope, roles, issuer, audience, endpoint, http_method, http_status, resource, " +
            "ip, user_agent, geo_country, geo_city, geo_lat, geo_lon, geo_asn, attributes, prev_hash, hash";

        public const string LedgerTable = """
            CREATE TABLE access_events (
                seq bigint NOT NULL CONSTRAINT PK_access_events PRIMARY KEY,
                received_at datetime2(7) NOT NULL, event_id nvarchar(128) NOT NULL, timestamp datetime2(7) NOT NULL,
                event_type nvarchar(32) NOT NULL, outcome nvarchar(16) NOT NULL, reason nvarchar(max) NULL, source nvarchar(256) NOT NULL,
                user_id nvarchar(256) NULL, username nvarchar(max) NULL, client_id nvarchar(256) NULL, session_id nvarchar(256) NULL,
                correlation_id nvarchar(256) NULL, trace_id nvarchar(32) NULL, token_id nvarchar(256) NULL, token_type nvarchar(32) NULL,
                parent_token_id nvarchar(256) NULL, grant_type nvarchar(max) NULL, scope nvarchar(max) NULL, roles nvarchar(max) NULL,
                issuer nvarchar(max) NULL, audience nvarchar(max) NULL, endpoint nvarchar(max) NULL, http_method nvarchar(16) NULL,
                http_status int NULL, resource nvarchar(max) NULL, ip nvarchar(64) NULL, user_agent nvarchar(max) NULL,
                geo_country nvarchar(max) NULL, geo_city nvarchar(max) NULL, geo_lat float NULL, geo_lon float NULL, geo_asn bigint NULL,
                attributes nvarchar(max) NULL, prev_hash varbinary(32) NOT NULL, hash varbinary(32) NOT NULL
            ) WITH (LEDGER = ON (APPEND_ONLY = ON));
            """;

        private static readonly string[] Indexes =
        [
            "CREATE INDEX ix_access_events_client ON access_events (client_id, timestamp) WHERE client_id IS NOT NULL",
            "CREATE INDEX ix_access_events_correlation ON access_events (correlation_id) WHERE correlation_id IS NOT NULL",
            "CREATE INDEX ix_access_events_ip ON access_events (ip, timestamp) WHERE ip IS NOT NULL",
            "CREATE INDEX ix_access_events_session ON access_events (session_id, timestamp) WHERE session_id IS NOT NULL",
            "CREATE INDEX ix_access_events_timestamp ON access_events (timestamp)",
            "CREATE INDEX ix_access_events_trace ON access_events (trace_id) WHERE trace_id IS NOT NULL",
            "CREATE INDEX ix_access_events_type ON access_events (event_type, timestamp)",
            "CREATE INDEX ix_access_events_user ON access_events (user_id, timestamp) WHERE user_id IS NOT NULL",
            "CREATE UNIQUE INDEX ux_access_events_source_event_id ON access_events (source, event_id)",
            "CREATE INDEX ix_access_events_parent_token ON access_events (parent_token_id) WHERE parent_token_id IS NOT NULL",
            "CREATE INDEX ix_access_events_token ON access_events (token_id) WHERE token_id IS NOT NULL",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            var rebuild = string.Join("\n", new[]
            {
                "EXEC sp_rename N'PK_access_events', N'PK_access_events_before_ledger', N'OBJECT';",
                "EXEC sp_rename N'access_events', N'access_events_before_ledger';",
                $"EXEC(N'{LedgerTable.Replace("'", "''")}');",
                $"EXEC(N'INSERT INTO access_events ({Columns}) SELECT {Columns} FROM access_events_before_ledger ORDER BY seq');",
                "EXEC(N'DROP TABLE access_events_before_ledger');",
            }.Concat(Indexes.Select(i => $"EXEC(N'{i}');")));
            migrationBuilder.Sql($"""
                IF CAST(SERVERPROPERTY('ProductMajorVersion') AS int) >= 16 OR CAST(SERVERPROPERTY('EngineEdition') AS int) IN (5, 8)
                BEGIN
                {rebuild}
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER access_events_seq_order ON access_events AFTER INSERT AS
                BEGIN
                    SET NOCOUNT ON;
                    DECLARE @first bigint = (SELECT MIN(seq) FROM inserted), @last bigint = (SELECT MAX(seq) FROM inserted);
                    IF @last - @first + 1 <> (SELECT COUNT(*) FROM inserted)
                       OR @first <> ISNULL((SELECT MAX(seq) FROM access_events WHERE seq < @first), 0) + 1
                       OR EXISTS (SELECT 1 FROM access_events WHERE seq > @last)
                        THROW 51001, 'access_events is a chain: a new seq must extend it by exactly one', 1;
                END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new System.NotSupportedException("A ledger table cannot be turned back into an ordinary table.");
    }
}
