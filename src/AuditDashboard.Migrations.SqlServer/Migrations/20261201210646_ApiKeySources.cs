using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ApiKeySources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "sources",
                table: "api_keys",
                type: "nvarchar(max)",
                maxLength: 4096,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "sources",
                table: "api_keys");
        }
    }
}
