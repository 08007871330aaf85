using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RetentionBoundaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "retention_boundaries",
                columns: table => new
                {
                    last_seq = table.Column<long>(type: "bigint", nullable: false),
                    month = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    first_seq = table.Column<long>(type: "bigint", nullable: false),
                    last_hash = table.Column<byte[]>(type: "varbinary(32)", maxLength: 32, nullable: false),
                    checkpoint_size = table.Column<long>(type: "bigint", nullable: false),
                    checkpoint_note = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    archive = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    archive_sha256 = table.Column<byte[]>(type: "varbinary(32)", maxLength: 32, nullable: false),
                    purged_at = table.Column<DateTime>(type: "datetime2(7)", nullable: false),
                    purged_by = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retention_boundaries", x => x.last_seq);
                });

            foreach (var op in new[] { "UPDATE", "DELETE" })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER retention_boundaries_no_{op.ToLowerInvariant()} ON retention_boundaries INSTEAD OF {op} AS
                    BEGIN
                        SET NOCOUNT ON;
                        THROW 51000, 'retention_boundaries is append-only: {op} refused', 1;
                    END
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "retention_boundaries");
        }
    }
}
