using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.Sqlite.Migrations
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    alert_key = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    detector = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    subject_kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    window_start = table.Column<long>(type: "INTEGER", nullable: false),
                    window_end = table.Column<long>(type: "INTEGER", nullable: false),
                    evidence = table.Column<string>(type: "TEXT", nullable: false),
                    evidence_count = table.Column<int>(type: "INTEGER", nullable: false),
                    explanation = table.Column<string>(type: "TEXT", nullable: false),
                    controls = table.Column<string>(type: "TEXT", nullable: false),
                    first_detected_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_detected_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    assignee = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "detection_state",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    last_seq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_detection_state", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "alert_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    alert_id = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    from_status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    to_status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "TEXT", nullable: true)
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
                CREATE TRIGGER alert_history_no_update BEFORE UPDATE ON alert_history
                BEGIN SELECT RAISE(ABORT, 'alert_history is append-only: UPDATE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER alert_history_no_delete BEFORE DELETE ON alert_history
                BEGIN SELECT RAISE(ABORT, 'alert_history is append-only: DELETE refused'); END;
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
