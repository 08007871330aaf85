using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class TokenIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_access_events_parent_token",
                table: "access_events",
                column: "parent_token_id",
                filter: "parent_token_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_access_events_token",
                table: "access_events",
                column: "token_id",
                filter: "token_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_access_events_parent_token",
                table: "access_events");

            migrationBuilder.DropIndex(
                name: "ix_access_events_token",
                table: "access_events");
        }
    }
}
