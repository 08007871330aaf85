using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// Makes the evidence tables append-only (ADR 0003) with triggers that no privilege bypasses: every UPDATE, DELETE
    /// and TRUNCATE statement is refused before it touches a row, even one that matches none (and INSERT … ON CONFLICT
    /// DO UPDATE fires the UPDATE statement trigger too), and
    /// a new event's seq must extend the chain by exactly one (checked per row, so it holds for COPY as for INSERT).
    /// Privileges are the second wall: the runtime role gets INSERT and SELECT on these tables only
    /// (<c>auditdash grant</c>, docs/deployment.md). Only the tables' owner could drop the triggers.
    /// </summary>
    public partial class AppendOnly : Migration
    {
        internal static readonly string[] Tables = ["access_events", "chain_heads", "alert_history", "log_checkpoints", "log_cosignatures"];

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION auditdash_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
                END
                $$;
                """);
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION auditdash_refuse_change();");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION auditdash_refuse_change();");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION auditdash_refuse_change();");
            }
            // ORDER BY … LIMIT 1 reads the primary key's last entry; rows copied earlier in the same statement are visible to it.
            migrationBuilder.Sql("""
                CREATE FUNCTION auditdash_seq_order() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.seq IS DISTINCT FROM COALESCE((SELECT seq FROM access_events ORDER BY seq DESC LIMIT 1), 0) + 1 THEN
                        RAISE EXCEPTION 'access_events is a chain: a new seq must extend it by exactly one (got %)', NEW.seq USING ERRCODE = 'P0001';
                    END IF;
                    RETURN NEW;
                END
                $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER access_events_seq_order BEFORE INSERT ON access_events FOR EACH ROW EXECUTE FUNCTION auditdash_seq_order();");
        }

        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("Append-only enforcement is never removed by a migration.");
    }
}
