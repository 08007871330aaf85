using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_events",
                columns: table => new
                {
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    username = table.Column<string>(type: "TEXT", nullable: true),
                    client_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    session_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    correlation_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    trace_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    token_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    token_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    parent_token_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    grant_type = table.Column<string>(type: "TEXT", nullable: true),
                    scope = table.Column<string>(type: "TEXT", nullable: true),
                    roles = table.Column<string>(type: "TEXT", nullable: true),
                    issuer = table.Column<string>(type: "TEXT", nullable: true),
                    audience = table.Column<string>(type: "TEXT", nullable: true),
                    endpoint = table.Column<string>(type: "TEXT", nullable: true),
                    http_method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    http_status = table.Column<int>(type: "INTEGER", nullable: true),
                    resource = table.Column<string>(type: "TEXT", nullable: true),
                    ip = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    user_agent = table.Column<string>(type: "TEXT", nullable: true),
                    geo_country = table.Column<string>(type: "TEXT", nullable: true),
                    geo_city = table.Column<string>(type: "TEXT", nullable: true),
                    geo_lat = table.Column<double>(type: "REAL", nullable: true),
                    geo_lon = table.Column<double>(type: "REAL", nullable: true),
                    geo_asn = table.Column<long>(type: "INTEGER", nullable: true),
                    attributes = table.Column<string>(type: "TEXT", nullable: true),
                    prev_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_events", x => x.seq);
                });

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    prefix = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    key_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    revoked_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "chain_heads",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    first_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    last_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    origin = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chain_heads", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_access_events_client",
                table: "access_events",
                columns: new[] { "client_id", "timestamp" },
                filter: "client_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_access_events_correlation",
                table: "access_events",
                column: "correlation_id",
                filter: "correlation_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_access_events_ip",
                table: "access_events",
                columns: new[] { "ip", "timestamp" },
                filter: "ip IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_access_events_session",
                table: "access_events",
                columns: new[] { "session_id", "timestamp" },
                filter: "session_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_access_events_timestamp",
                table: "access_events",
                column: "timestamp");

            migrationBuilder.CreateIndex(
                name: "ix_access_events_trace",
                table: "access_events",
                column: "trace_id",
                filter: "trace_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_access_events_type",
                table: "access_events",
                columns: new[] { "event_type", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_access_events_user",
                table: "access_events",
                columns: new[] { "user_id", "timestamp" },
                filter: "user_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_access_events_source_event_id",
                table: "access_events",
                columns: new[] { "source", "event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_api_keys_key_hash",
                table: "api_keys",
                column: "key_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_api_keys_name",
                table: "api_keys",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chain_heads_last_seq",
                table: "chain_heads",
                column: "last_seq");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_events");

            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "chain_heads");
        }
    }
}
