using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.SqlServer.Migrations
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    report_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    frameworks = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    period_from = table.Column<DateTime>(type: "datetime2(7)", nullable: false),
                    period_to = table.Column<DateTime>(type: "datetime2(7)", nullable: false),
                    scope = table.Column<string>(type: "nvarchar(2048)", maxLength: 2048, nullable: false),
                    seed = table.Column<int>(type: "int", nullable: false),
                    generated_at = table.Column<DateTime>(type: "datetime2(7)", nullable: false),
                    generated_by = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    page_count = table.Column<int>(type: "int", nullable: false),
                    development_certificate = table.Column<bool>(type: "bit", nullable: false),
                    pdf = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    evidence_zip = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
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
