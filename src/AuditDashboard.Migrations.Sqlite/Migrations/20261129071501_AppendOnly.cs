using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Makes access_events and chain_heads append-only (ADR 0003). BEFORE UPDATE/DELETE alone are not enough:
    /// INSERT OR REPLACE deletes the conflicting row without firing delete triggers, so every unique key is
    /// guarded by a BEFORE INSERT trigger too: seq must extend the chain by exactly one (which also stops a
    /// replace by seq), and (source, event_id) must be new. The seq lookup is written as ORDER BY … LIMIT 1
    /// because MAX() wrapped in IFNULL loses SQLite's min/max optimisation and scans the table on every insert.
    /// </summary>
    public partial class AppendOnly : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER access_events_no_update BEFORE UPDATE ON access_events
                BEGIN SELECT RAISE(ABORT, 'access_events is append-only: UPDATE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER access_events_no_delete BEFORE DELETE ON access_events
                BEGIN SELECT RAISE(ABORT, 'access_events is append-only: DELETE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER access_events_no_replace BEFORE INSERT ON access_events
                WHEN EXISTS (SELECT 1 FROM access_events WHERE source = NEW.source AND event_id = NEW.event_id)
                BEGIN SELECT RAISE(ABORT, 'access_events is append-only: INSERT would replace a stored event'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER access_events_seq_order BEFORE INSERT ON access_events
                WHEN NEW.seq IS NOT IFNULL((SELECT seq FROM access_events ORDER BY seq DESC LIMIT 1), 0) + 1
                BEGIN SELECT RAISE(ABORT, 'access_events is append-only: seq must be the next number of the chain'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER chain_heads_no_update BEFORE UPDATE ON chain_heads
                BEGIN SELECT RAISE(ABORT, 'chain_heads is append-only: UPDATE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER chain_heads_no_delete BEFORE DELETE ON chain_heads
                BEGIN SELECT RAISE(ABORT, 'chain_heads is append-only: DELETE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER chain_heads_no_replace BEFORE INSERT ON chain_heads
                WHEN EXISTS (SELECT 1 FROM chain_heads WHERE id = NEW.id)
                BEGIN SELECT RAISE(ABORT, 'chain_heads is append-only: INSERT would replace a stored head'); END;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("Append-only enforcement is never removed by a migration.");
    }
}
