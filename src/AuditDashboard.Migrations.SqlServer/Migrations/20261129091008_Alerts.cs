using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    alert_key = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    detector = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    severity = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    subject_kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    subject = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    window_start = table.Column<DateTime>(type: "datetime2(7)", nullable: false),
                    window_end = table.Column<DateTime>(type: "datetime2(7)", nullable: false),
                    evidence = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    evidence_count = table.Column<int>(type: "int", nullable: false),
                    explanation = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    controls = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    first_detected_at = table.Column<DateTime>(type: "datetime2(7)", nullable: false),
                    last_detected_at = table.Column<DateTime>(type: "datetime2(7)", nullable: false),
                    status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    assignee = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "detection_state",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false),
                    last_seq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_detection_state", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "alert_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    alert_id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTime>(type: "datetime2(7)", nullable: false),
                    actor = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    from_status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    to_status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "nvarchar(max)", nullable: true)
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

            // Triage history is evidence too: append-only like the events.
            migrationBuilder.Sql("""
                CREATE TRIGGER alert_history_no_update ON alert_history INSTEAD OF UPDATE AS
                BEGIN
                    SET NOCOUNT ON;
                    THROW 51000, 'alert_history is append-only: UPDATE refused', 1;
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER alert_history_no_delete ON alert_history INSTEAD OF DELETE AS
                BEGIN
                    SET NOCOUNT ON;
                    THROW 51000, 'alert_history is append-only: DELETE refused', 1;
                END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_history");

            migrationBuilder.DropTable(
                name: "detection_state");

            migrationBuilder.DropTable(
                name: "alerts");
        }
    }
}
