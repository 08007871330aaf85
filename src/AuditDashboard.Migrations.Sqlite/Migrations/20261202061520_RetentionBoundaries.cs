using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.Sqlite.Migrations
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
                    last_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    first_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    last_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    checkpoint_size = table.Column<long>(type: "INTEGER", nullable: false),
                    checkpoint_note = table.Column<string>(type: "TEXT", nullable: false),
                    archive = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    archive_sha256 = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    purged_at = table.Column<long>(type: "INTEGER", nullable: false),
                    purged_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retention_boundaries", x => x.last_seq);
                });

            // Append-only, as the other evidence tables (the replace guard: INSERT OR REPLACE deletes without delete triggers).
            migrationBuilder.Sql("""
                CREATE TRIGGER retention_boundaries_no_update BEFORE UPDATE ON retention_boundaries
                BEGIN SELECT RAISE(ABORT, 'retention_boundaries is append-only: UPDATE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER retention_boundaries_no_delete BEFORE DELETE ON retention_boundaries
                BEGIN SELECT RAISE(ABORT, 'retention_boundaries is append-only: DELETE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER retention_boundaries_no_replace BEFORE INSERT ON retention_boundaries
                WHEN EXISTS (SELECT 1 FROM retention_boundaries WHERE last_seq = NEW.last_seq)
                BEGIN SELECT RAISE(ABORT, 'retention_boundaries is append-only: INSERT would replace a stored boundary'); END;
                """);
            // The one path by which events leave (docs/retention.md): only those up to the last recorded retention
            // boundary that a signed checkpoint covers; every other DELETE is refused as before.
            migrationBuilder.Sql("DROP TRIGGER access_events_no_delete;");
            migrationBuilder.Sql("""
                CREATE TRIGGER access_events_no_delete BEFORE DELETE ON access_events
                WHEN OLD.seq > IFNULL((SELECT b.last_seq FROM retention_boundaries b
                                       WHERE EXISTS (SELECT 1 FROM log_checkpoints c WHERE c.tree_size >= b.last_seq)
                                       ORDER BY b.last_seq DESC LIMIT 1), 0)
                BEGIN SELECT RAISE(ABORT, 'access_events is append-only: DELETE refused (only events up to a retention boundary leave, through auditdash retention apply)'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "retention_boundaries");
        }
    }
}
