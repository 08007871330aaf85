using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.Sqlite.Migrations
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
                    tree_size = table.Column<long>(type: "INTEGER", nullable: false),
                    root = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    made_at = table.Column<long>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 8192, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_checkpoints", x => x.tree_size);
                });

            migrationBuilder.CreateTable(
                name: "log_cosignatures",
                columns: table => new
                {
                    tree_size = table.Column<long>(type: "INTEGER", nullable: false),
                    witness = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    key_id = table.Column<long>(type: "INTEGER", nullable: false),
                    line = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    signed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    added_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_cosignatures", x => new { x.tree_size, x.witness, x.key_id });
                });

            // Signed checkpoints and witnesses' cosignatures are evidence: append-only like the events.
            migrationBuilder.Sql("""
                CREATE TRIGGER log_checkpoints_no_update BEFORE UPDATE ON log_checkpoints
                BEGIN SELECT RAISE(ABORT, 'log_checkpoints is append-only: UPDATE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER log_checkpoints_no_delete BEFORE DELETE ON log_checkpoints
                BEGIN SELECT RAISE(ABORT, 'log_checkpoints is append-only: DELETE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER log_cosignatures_no_update BEFORE UPDATE ON log_cosignatures
                BEGIN SELECT RAISE(ABORT, 'log_cosignatures is append-only: UPDATE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER log_cosignatures_no_delete BEFORE DELETE ON log_cosignatures
                BEGIN SELECT RAISE(ABORT, 'log_cosignatures is append-only: DELETE refused'); END;
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
