using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// Makes access_events and chain_heads append-only (ADR 0003) with INSTEAD OF triggers, which also stop
    /// MERGE-based upserts (their UPDATE branch fires the trigger). Triggers work on every SQL Server edition;
    /// a ledger table (SQL Server 2022+) can replace them, see docs/adr/0003-append-only-enforcement.md.
    /// </summary>
    public partial class AppendOnly : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "access_events", "chain_heads" })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_no_update ON {table} INSTEAD OF UPDATE AS
                    BEGIN
                        SET NOCOUNT ON;
                        THROW 51000, '{table} is append-only: UPDATE refused', 1;
                    END
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_no_delete ON {table} INSTEAD OF DELETE AS
                    BEGIN
                        SET NOCOUNT ON;
                        THROW 51000, '{table} is append-only: DELETE refused', 1;
                    END
                    """);
            }
        }

        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("Append-only enforcement is never removed by a migration.");
    }
}
