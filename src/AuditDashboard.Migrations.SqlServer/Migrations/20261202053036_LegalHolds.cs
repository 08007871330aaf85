using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class LegalHolds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "legal_holds",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    reason = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: false),
                    source = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    user_id = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    period_from = table.Column<DateTime>(type: "datetime2(7)", nullable: true),
                    period_to = table.Column<DateTime>(type: "datetime2(7)", nullable: true),
                    placed_at = table.Column<DateTime>(type: "datetime2(7)", nullable: false),
                    placed_by = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    released_at = table.Column<DateTime>(type: "datetime2(7)", nullable: true),
                    released_by = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    release_reason = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_legal_holds", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "legal_holds");
        }
    }
}
