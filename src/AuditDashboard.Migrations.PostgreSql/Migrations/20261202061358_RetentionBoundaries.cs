using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.PostgreSql.Migrations
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
                    month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false, collation: "C"),
                    first_seq = table.Column<long>(type: "bigint", nullable: false),
                    last_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    checkpoint_size = table.Column<long>(type: "bigint", nullable: false),
                    checkpoint_note = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    archive = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    archive_sha256 = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    purged_at = table.Column<long>(type: "bigint", nullable: false),
                    purged_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retention_boundaries", x => x.last_seq);
                });

            foreach (var op in new[] { "update", "delete", "truncate" })
                migrationBuilder.Sql($"CREATE TRIGGER retention_boundaries_no_{op} BEFORE {op.ToUpperInvariant()} ON retention_boundaries FOR EACH STATEMENT EXECUTE FUNCTION auditdash_refuse_change();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "retention_boundaries");
        }
    }
}
