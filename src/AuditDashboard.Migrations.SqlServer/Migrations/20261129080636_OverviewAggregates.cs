using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class OverviewAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agg_daily_actor",
                columns: table => new
                {
                    day = table.Column<DateTime>(type: "datetime2(0)", nullable: false),
                    kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    value = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    events = table.Column<long>(type: "bigint", nullable: false),
                    failures = table.Column<long>(type: "bigint", nullable: false),
                    sign_in_failures = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agg_daily_actor", x => new { x.kind, x.day, x.value });
                });

            migrationBuilder.CreateTable(
                name: "agg_hourly",
                columns: table => new
                {
                    hour = table.Column<DateTime>(type: "datetime2(0)", nullable: false),
                    event_type = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    outcome = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agg_hourly", x => new { x.hour, x.event_type, x.outcome });
                });

            migrationBuilder.CreateTable(
                name: "agg_state",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false),
                    last_seq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agg_state", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agg_daily_actor");

            migrationBuilder.DropTable(
                name: "agg_hourly");

            migrationBuilder.DropTable(
                name: "agg_state");
        }
    }
}
