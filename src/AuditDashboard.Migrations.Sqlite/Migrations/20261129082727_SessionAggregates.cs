using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SessionAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The aggregates are derived: start the count again so the new session tables cover every stored event.
            migrationBuilder.Sql("DELETE FROM agg_state;");
            migrationBuilder.Sql("DELETE FROM agg_hourly;");
            migrationBuilder.Sql("DELETE FROM agg_daily_actor;");

            migrationBuilder.CreateTable(
                name: "agg_session",
                columns: table => new
                {
                    session_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    username = table.Column<string>(type: "TEXT", nullable: true),
                    client_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    first_seen = table.Column<long>(type: "INTEGER", nullable: false),
                    last_seen = table.Column<long>(type: "INTEGER", nullable: false),
                    events = table.Column<long>(type: "INTEGER", nullable: false),
                    failures = table.Column<long>(type: "INTEGER", nullable: false),
                    distinct_ips = table.Column<int>(type: "INTEGER", nullable: false),
                    distinct_countries = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agg_session", x => x.session_id);
                });

            migrationBuilder.CreateTable(
                name: "agg_session_value",
                columns: table => new
                {
                    session_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agg_session_value", x => new { x.session_id, x.kind, x.value });
                });

            migrationBuilder.CreateIndex(
                name: "ix_agg_session_last_seen",
                table: "agg_session",
                column: "last_seen");

            migrationBuilder.CreateIndex(
                name: "ix_agg_session_user",
                table: "agg_session",
                columns: new[] { "user_id", "last_seen" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agg_session");

            migrationBuilder.DropTable(
                name: "agg_session_value");
        }
    }
}
