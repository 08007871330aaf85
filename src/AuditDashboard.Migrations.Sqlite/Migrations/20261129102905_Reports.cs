using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    report_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    frameworks = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    period_from = table.Column<long>(type: "INTEGER", nullable: false),
                    period_to = table.Column<long>(type: "INTEGER", nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    seed = table.Column<int>(type: "INTEGER", nullable: false),
                    generated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    generated_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    page_count = table.Column<int>(type: "INTEGER", nullable: false),
                    development_certificate = table.Column<bool>(type: "INTEGER", nullable: false),
                    pdf = table.Column<byte[]>(type: "BLOB", nullable: false),
                    evidence_zip = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reports", x => x.id);
                });

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
                name: "reports");
        }
    }
}
