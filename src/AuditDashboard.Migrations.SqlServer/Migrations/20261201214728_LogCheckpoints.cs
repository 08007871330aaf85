using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class LogCheckpoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "log_checkpoints",
                columns: table => new
                {
                    tree_size = table.Column<long>(type: "bigint", nullable: false),
                    root = table.Column<byte[]>(type: "varbinary(32)", maxLength: 32, nullable: false),
                    made_at = table.Column<DateTime>(type: "datetime2(7)", nullable: false),
                    note = table.Column<string>(type: "nvarchar(max)", maxLength: 8192, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_checkpoints", x => x.tree_size);
                });

            migrationBuilder.CreateTable(
                name: "log_cosignatures",
                columns: table => new
                {
                    tree_size = table.Column<long>(type: "bigint", nullable: false),
                    witness = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    key_id = table.Column<long>(type: "bigint", nullable: false),
                    line = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: false),
                    signed_at = table.Column<DateTime>(type: "datetime2(7)", nullable: false),
                    added_at = table.Column<DateTime>(type: "datetime2(7)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_cosignatures", x => new { x.tree_size, x.witness, x.key_id });
                });

            // Signed checkpoints and witnesses' cosignatures are evidence: append-only like the events.
            migrationBuilder.Sql("""
                CREATE TRIGGER log_checkpoints_no_update ON log_checkpoints INSTEAD OF UPDATE AS
                BEGIN
                    SET NOCOUNT ON;
                    THROW 51000, 'log_checkpoints is append-only: UPDATE refused', 1;
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER log_checkpoints_no_delete ON log_checkpoints INSTEAD OF DELETE AS
                BEGIN
                    SET NOCOUNT ON;
                    THROW 51000, 'log_checkpoints is append-only: DELETE refused', 1;
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER log_cosignatures_no_update ON log_cosignatures INSTEAD OF UPDATE AS
                BEGIN
                    SET NOCOUNT ON;
                    THROW 51000, 'log_cosignatures is append-only: UPDATE refused', 1;
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER log_cosignatures_no_delete ON log_cosignatures INSTEAD OF DELETE AS
                BEGIN
                    SET NOCOUNT ON;
                    THROW 51000, 'log_cosignatures is append-only: DELETE refused', 1;
                END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "log_checkpoints");

            migrationBuilder.DropTable(
                name: "log_cosignatures");
        }
    }
}
