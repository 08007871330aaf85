using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CheckpointKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_log_checkpoints",
                table: "log_checkpoints");

            migrationBuilder.AddColumn<long>(
                name: "key_id",
                table: "log_checkpoints",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddPrimaryKey(
                name: "PK_log_checkpoints",
                table: "log_checkpoints",
                columns: new[] { "tree_size", "key_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_log_checkpoints",
                table: "log_checkpoints");

            migrationBuilder.DropColumn(
                name: "key_id",
                table: "log_checkpoints");

            migrationBuilder.AddPrimaryKey(
                name: "PK_log_checkpoints",
                table: "log_checkpoints",
                column: "tree_size");
        }
    }
}
