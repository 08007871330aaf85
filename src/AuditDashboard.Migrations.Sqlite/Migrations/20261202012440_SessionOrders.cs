using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SessionOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_agg_session_last_seen",
                table: "agg_session");

            migrationBuilder.CreateIndex(
                name: "ix_agg_session_value_value",
                table: "agg_session_value",
                columns: new[] { "kind", "value" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_agg_session_value_value",
                table: "agg_session_value");

            migrationBuilder.DropIndex(
                name: "ix_agg_session_events_id",
                table: "agg_session");

            migrationBuilder.DropIndex(
                name: "ix_agg_session_failures_id",
                table: "agg_session");

            migrationBuilder.DropIndex(
                name: "ix_agg_session_first_seen_id",
                table: "agg_session");

            migrationBuilder.DropIndex(
                name: "ix_agg_session_last_seen",
                table: "agg_session");

            migrationBuilder.CreateIndex(
                name: "ix_agg_session_last_seen",
                table: "agg_session",
                column: "last_seen");
        }
    }
}
