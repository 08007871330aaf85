using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// Makes the evidence tables append-only (ADR 0003) with triggers that no privilege bypasses: every UPDATE, DELETE
    /// and TRUNCATE statement is refused before it touches a row, even one that matches none (and INSERT … ON CONFLICT
    /// DO UPDATE fires the UPDATE statement trigger too), and
    /// the rows a statement inserts must extend the chain by exactly one each (checked once per statement, for COPY as for INSERT).
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
            // Once per statement, over the rows it inserted (a transition table), as SQL Server's AFTER INSERT trigger
            // does: a row trigger would cost an index probe and a PL/pgSQL call for every row of every COPY.
            migrationBuilder.Sql("""
                CREATE FUNCTION auditdash_seq_order() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE first_seq bigint; last_seq bigint; n bigint;
                BEGIN
                    SELECT min(seq), max(seq), count(*) INTO first_seq, last_seq, n FROM inserted;
                    IF n = 0 THEN RETURN NULL; END IF;
                    IF last_seq - first_seq + 1 <> n
                       OR first_seq <> COALESCE((SELECT seq FROM access_events WHERE seq < first_seq ORDER BY seq DESC LIMIT 1), 0) + 1
                       OR EXISTS (SELECT 1 FROM access_events WHERE seq > last_seq) THEN
                        RAISE EXCEPTION 'access_events is a chain: a new seq must extend it by exactly one (got % to %)', first_seq, last_seq USING ERRCODE = 'P0001';
                    END IF;
                    RETURN NULL;
                END
                $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER access_events_seq_order AFTER INSERT ON access_events REFERENCING NEW TABLE AS inserted " +
                                 "FOR EACH STATEMENT EXECUTE FUNCTION auditdash_seq_order();");
        }

        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("Append-only enforcement is never removed by a migration.");
    }
}
