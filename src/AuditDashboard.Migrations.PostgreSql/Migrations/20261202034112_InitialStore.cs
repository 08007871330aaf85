using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AuditDashboard.Migrations.PostgreSql.Migrations
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
                    seq = table.Column<long>(type: "bigint", nullable: false),
                    received_at = table.Column<long>(type: "bigint", nullable: false),
                    event_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    timestamp = table.Column<long>(type: "bigint", nullable: false),
                    event_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    reason = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    source = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    user_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    username = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    client_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    session_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    correlation_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    trace_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C"),
                    token_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    token_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C"),
                    parent_token_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    grant_type = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    scope = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    roles = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    issuer = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    audience = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    endpoint = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    http_method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    http_status = table.Column<int>(type: "integer", nullable: true),
                    resource = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ip = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    user_agent = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    geo_country = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    geo_city = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    geo_lat = table.Column<double>(type: "double precision", nullable: true),
                    geo_lon = table.Column<double>(type: "double precision", nullable: true),
                    geo_asn = table.Column<long>(type: "bigint", nullable: true),
                    attributes = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    prev_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_events", x => x.seq);
                });

            migrationBuilder.CreateTable(
                name: "agg_daily_actor",
                columns: table => new
                {
                    day = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    value = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    events = table.Column<long>(type: "bigint", nullable: false),
                    failures = table.Column<long>(type: "bigint", nullable: false),
                    sign_in_failures = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agg_daily_actor", x => new { x.kind, x.day, x.value });
                });

            migrationBuilder.CreateTable(
                name: "agg_dashboard_use",
                columns: table => new
                {
                    day = table.Column<long>(type: "bigint", nullable: false),
                    person = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agg_dashboard_use", x => new { x.day, x.person, x.action, x.outcome });
                });

            migrationBuilder.CreateTable(
                name: "agg_hourly",
                columns: table => new
                {
                    hour = table.Column<long>(type: "bigint", nullable: false),
                    event_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agg_hourly", x => new { x.hour, x.event_type, x.outcome });
                });

            migrationBuilder.CreateTable(
                name: "agg_name",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agg_name", x => new { x.kind, x.key, x.value });
                });

            migrationBuilder.CreateTable(
                name: "agg_session",
                columns: table => new
                {
                    session_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    user_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    username = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    client_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    first_seen = table.Column<long>(type: "bigint", nullable: false),
                    last_seen = table.Column<long>(type: "bigint", nullable: false),
                    events = table.Column<long>(type: "bigint", nullable: false),
                    failures = table.Column<long>(type: "bigint", nullable: false),
                    distinct_ips = table.Column<int>(type: "integer", nullable: false),
                    distinct_countries = table.Column<int>(type: "integer", nullable: false),
                    distinct_networks = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agg_session", x => x.session_id);
                });

            migrationBuilder.CreateTable(
                name: "agg_session_value",
                columns: table => new
                {
                    session_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    value = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agg_session_value", x => new { x.session_id, x.kind, x.value });
                });

            migrationBuilder.CreateTable(
                name: "agg_state",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    last_seq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agg_state", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    alert_key = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false, collation: "C"),
                    detector = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    severity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    subject_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    subject = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    window_start = table.Column<long>(type: "bigint", nullable: false),
                    window_end = table.Column<long>(type: "bigint", nullable: false),
                    evidence = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    evidence_count = table.Column<int>(type: "integer", nullable: false),
                    explanation = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    controls = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    first_detected_at = table.Column<long>(type: "bigint", nullable: false),
                    last_detected_at = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    assignee = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    prefix = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    key_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    created_at = table.Column<long>(type: "bigint", nullable: false),
                    revoked_at = table.Column<long>(type: "bigint", nullable: true),
                    sources = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "chain_heads",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    first_seq = table.Column<long>(type: "bigint", nullable: false),
                    last_seq = table.Column<long>(type: "bigint", nullable: false),
                    hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    recorded_at = table.Column<long>(type: "bigint", nullable: false),
                    origin = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chain_heads", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dashboard_sessions",
                columns: table => new
                {
                    id_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    roles = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false, collation: "C"),
                    created_at = table.Column<long>(type: "bigint", nullable: false),
                    last_seen_at = table.Column<long>(type: "bigint", nullable: false),
                    ended_at = table.Column<long>(type: "bigint", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dashboard_sessions", x => x.id_hash);
                });

            migrationBuilder.CreateTable(
                name: "detection_state",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    last_seq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_detection_state", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "leases",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    holder = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false, collation: "C"),
                    expires_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leases", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "log_checkpoints",
                columns: table => new
                {
                    tree_size = table.Column<long>(type: "bigint", nullable: false),
                    key_id = table.Column<long>(type: "bigint", nullable: false),
                    root = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    made_at = table.Column<long>(type: "bigint", nullable: false),
                    note = table.Column<string>(type: "character varying(8192)", maxLength: 8192, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_checkpoints", x => new { x.tree_size, x.key_id });
                });

            migrationBuilder.CreateTable(
                name: "log_cosignatures",
                columns: table => new
                {
                    tree_size = table.Column<long>(type: "bigint", nullable: false),
                    witness = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    key_id = table.Column<long>(type: "bigint", nullable: false),
                    line = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false, collation: "C"),
                    signed_at = table.Column<long>(type: "bigint", nullable: false),
                    added_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_cosignatures", x => new { x.tree_size, x.witness, x.key_id });
                });

            migrationBuilder.CreateTable(
                name: "log_tiles",
                columns: table => new
                {
                    level = table.Column<int>(type: "integer", nullable: false),
                    tile_index = table.Column<long>(type: "bigint", nullable: false),
                    hashes = table.Column<byte[]>(type: "bytea", maxLength: 8192, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_tiles", x => new { x.level, x.tile_index });
                });

            migrationBuilder.CreateTable(
                name: "reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    report_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    frameworks = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    period_from = table.Column<long>(type: "bigint", nullable: false),
                    period_to = table.Column<long>(type: "bigint", nullable: false),
                    scope = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false, collation: "C"),
                    seed = table.Column<int>(type: "integer", nullable: false),
                    generated_at = table.Column<long>(type: "bigint", nullable: false),
                    generated_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    page_count = table.Column<int>(type: "integer", nullable: false),
                    development_certificate = table.Column<bool>(type: "boolean", nullable: false),
                    pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    evidence_zip = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "alert_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    alert_id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<long>(type: "bigint", nullable: false),
                    actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    from_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    to_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    note = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_history", x => x.id);
                    table.ForeignKey(
                        name: "FK_alert_history_alerts_alert_id",
                        column: x => x.alert_id,
                        principalTable: "alerts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "ix_access_events_parent_token",
                table: "access_events",
                column: "parent_token_id",
                filter: "parent_token_id IS NOT NULL");

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
                name: "ix_access_events_token",
                table: "access_events",
                column: "token_id",
                filter: "token_id IS NOT NULL");

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
                name: "ix_agg_session_events_id",
                table: "agg_session",
                columns: new[] { "events", "session_id" });

            migrationBuilder.CreateIndex(
                name: "ix_agg_session_failures_id",
                table: "agg_session",
                columns: new[] { "failures", "session_id" });

            migrationBuilder.CreateIndex(
                name: "ix_agg_session_first_seen_id",
                table: "agg_session",
                columns: new[] { "first_seen", "session_id" });

            migrationBuilder.CreateIndex(
                name: "ix_agg_session_last_seen",
                table: "agg_session",
                columns: new[] { "last_seen", "session_id" });

            migrationBuilder.CreateIndex(
                name: "ix_agg_session_user",
                table: "agg_session",
                columns: new[] { "user_id", "last_seen" });

            migrationBuilder.CreateIndex(
                name: "ix_agg_session_value_value",
                table: "agg_session_value",
                columns: new[] { "kind", "value" });

            migrationBuilder.CreateIndex(
                name: "ix_alert_history_alert",
                table: "alert_history",
                column: "alert_id");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_detector",
                table: "alerts",
                columns: new[] { "detector", "window_end" });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_status",
                table: "alerts",
                columns: new[] { "status", "window_end" });

            migrationBuilder.CreateIndex(
                name: "ux_alerts_key",
                table: "alerts",
                column: "alert_key",
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

            migrationBuilder.CreateIndex(
                name: "ix_dashboard_sessions_user_name",
                table: "dashboard_sessions",
                column: "user_name");

            migrationBuilder.CreateIndex(
                name: "ix_reports_generated_at",
                table: "reports",
                column: "generated_at");

            migrationBuilder.CreateIndex(
                name: "ux_reports_report_id",
                table: "reports",
                column: "report_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_events");

            migrationBuilder.DropTable(
                name: "agg_daily_actor");

            migrationBuilder.DropTable(
                name: "agg_dashboard_use");

            migrationBuilder.DropTable(
                name: "agg_hourly");

            migrationBuilder.DropTable(
                name: "agg_name");

            migrationBuilder.DropTable(
                name: "agg_session");

            migrationBuilder.DropTable(
                name: "agg_session_value");

            migrationBuilder.DropTable(
                name: "agg_state");

            migrationBuilder.DropTable(
                name: "alert_history");

            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "chain_heads");

            migrationBuilder.DropTable(
                name: "dashboard_sessions");

            migrationBuilder.DropTable(
                name: "detection_state");

            migrationBuilder.DropTable(
                name: "leases");

            migrationBuilder.DropTable(
                name: "log_checkpoints");

            migrationBuilder.DropTable(
                name: "log_cosignatures");

            migrationBuilder.DropTable(
                name: "log_tiles");

            migrationBuilder.DropTable(
                name: "reports");

            migrationBuilder.DropTable(
                name: "alerts");
        }
    }
}
