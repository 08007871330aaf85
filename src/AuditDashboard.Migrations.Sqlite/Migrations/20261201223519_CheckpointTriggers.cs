using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The previous migration changed log_checkpoints' primary key, which SQLite does by rebuilding the table and so
    /// dropping its triggers; they are put back here, in a migration of their own so they run after the rebuild.
    /// </summary>
    public partial class CheckpointTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER IF NOT EXISTS log_checkpoints_no_update BEFORE UPDATE ON log_checkpoints
                BEGIN SELECT RAISE(ABORT, 'log_checkpoints is append-only: UPDATE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER IF NOT EXISTS log_checkpoints_no_delete BEFORE DELETE ON log_checkpoints
                BEGIN SELECT RAISE(ABORT, 'log_checkpoints is append-only: DELETE refused'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
