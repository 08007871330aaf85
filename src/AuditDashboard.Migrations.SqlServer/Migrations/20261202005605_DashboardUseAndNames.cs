using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DashboardUseAndNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "distinct_networks",
                table: "agg_session",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "agg_dashboard_use",
                columns: table => new
                {
                    day = table.Column<DateTime>(type: "datetime2(0)", nullable: false),
                    person = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    outcome = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agg_dashboard_use", x => new { x.day, x.person, x.action, x.outcome });
                });

            migrationBuilder.CreateTable(
                name: "agg_name",
                columns: table => new
                {
                    kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    key = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    value = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agg_name", x => new { x.kind, x.key, x.value });
                });

            // The dashboard's own events now count apart and sessions count networks: the derived tables are
            // emptied and the aggregator counts every event again on its next pass (they are never evidence).
            migrationBuilder.Sql("DELETE FROM agg_hourly;");
            migrationBuilder.Sql("DELETE FROM agg_daily_actor;");
            migrationBuilder.Sql("DELETE FROM agg_session_value;");
            migrationBuilder.Sql("DELETE FROM agg_session;");
            migrationBuilder.Sql("DELETE FROM agg_state;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agg_dashboard_use");

            migrationBuilder.DropTable(
                name: "agg_name");

            migrationBuilder.DropColumn(
                name: "distinct_networks",
                table: "agg_session");
        }
    }
}
