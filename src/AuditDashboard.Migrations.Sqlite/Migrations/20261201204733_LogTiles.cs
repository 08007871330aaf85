using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LogTiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "log_tiles",
                columns: table => new
                {
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    tile_index = table.Column<long>(type: "INTEGER", nullable: false),
                    hashes = table.Column<byte[]>(type: "BLOB", maxLength: 8192, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_tiles", x => new { x.level, x.tile_index });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "log_tiles");
        }
    }
}
