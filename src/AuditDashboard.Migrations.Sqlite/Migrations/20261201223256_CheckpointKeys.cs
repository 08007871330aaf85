using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// A checkpoint per tree size and signing key, so a rotated key signs the same size again (rows from before have
    /// key_id 0). SQLite cannot change a primary key in place; the table is rebuilt here in plain SQL, inside the
    /// migration's transaction (EF's own rebuild would leave it, and the append-only triggers, to a separate step).
    /// </summary>
    public partial class CheckpointKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE log_checkpoints_keyed (
                    tree_size INTEGER NOT NULL,
                    key_id INTEGER NOT NULL,
                    made_at INTEGER NOT NULL,
                    note TEXT NOT NULL,
                    root BLOB NOT NULL,
                    CONSTRAINT PK_log_checkpoints PRIMARY KEY (tree_size, key_id)
                );
                """);
            migrationBuilder.Sql("INSERT INTO log_checkpoints_keyed (tree_size, key_id, made_at, note, root) SELECT tree_size, 0, made_at, note, root FROM log_checkpoints;");
            migrationBuilder.Sql("DROP TABLE log_checkpoints;");
            migrationBuilder.Sql("ALTER TABLE log_checkpoints_keyed RENAME TO log_checkpoints;");
            migrationBuilder.Sql("""
                CREATE TRIGGER log_checkpoints_no_update BEFORE UPDATE ON log_checkpoints
                BEGIN SELECT RAISE(ABORT, 'log_checkpoints is append-only: UPDATE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER log_checkpoints_no_delete BEFORE DELETE ON log_checkpoints
                BEGIN SELECT RAISE(ABORT, 'log_checkpoints is append-only: DELETE refused'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new System.NotSupportedException("Signed checkpoints are evidence: this migration is not undone.");
    }
}
