using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditDashboard.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// Partitions access_events by the month the store received each event (ADR 0018), so a month leaves by dropping
    /// its partition instead of rewriting the table. PostgreSQL wants every unique key of a partitioned table to hold
    /// the partition key, so (source, event_id) is kept unique across all months in event_keys, which the seq-order
    /// trigger fills from the same statement's rows; the primary key becomes (seq, received_at), and seq stays unique
    /// because the trigger lets a statement only extend the chain. A month's partition is made by
    /// auditdash_event_month, owned by the owner and callable by the runtime role (SECURITY DEFINER), so ingest at
    /// the turn of a month needs no DDL privilege. Each partition refuses every statement aimed at it directly:
    /// rows go in through access_events, and nothing changes or leaves but by a retention purge's DETACH and DROP.
    /// The model is unchanged (the unique index it declares is realized as event_keys here). Runtime grants are on
    /// the old table and go with it: run 'auditdash grant' again after this migration.
    /// </summary>
    public partial class MonthlyPartitions : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE event_keys (
                    source character varying(256) COLLATE "C" NOT NULL,
                    event_id character varying(128) COLLATE "C" NOT NULL,
                    seq bigint NOT NULL,
                    CONSTRAINT "PK_event_keys" PRIMARY KEY (source, event_id));
                INSERT INTO event_keys SELECT source, event_id, seq FROM access_events;
                CREATE INDEX ix_event_keys_seq ON event_keys USING brin (seq);
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION auditdash_refuse_direct() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is a partition of access_events: % refused (rows go in through access_events and never change)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
                END
                $$;
                """);
            migrationBuilder.Sql("""
                ALTER TABLE access_events RENAME TO access_events_unpartitioned;
                CREATE TABLE access_events (LIKE access_events_unpartitioned INCLUDING DEFAULTS) PARTITION BY RANGE (received_at);
                """);
            // Ticks are 100 ns since 0001-01-01: a day is 864,000,000,000 of them.
            migrationBuilder.Sql("""
                CREATE FUNCTION auditdash_event_month(y integer, m integer) RETURNS boolean
                LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
                DECLARE
                    first_day date := make_date(y, m, 1);
                    part text := format('access_events_y%sm%s', to_char(first_day, 'YYYY'), to_char(first_day, 'MM'));
                    lo bigint := (first_day - date '0001-01-01')::bigint * 864000000000;
                    hi bigint := ((first_day + interval '1 month')::date - date '0001-01-01')::bigint * 864000000000;
                BEGIN
                    IF to_regclass(part) IS NOT NULL THEN RETURN true; END IF;
                    EXECUTE format('CREATE TABLE %I PARTITION OF access_events FOR VALUES FROM (%s) TO (%s)', part, lo, hi);
                    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION auditdash_refuse_direct()', part || '_direct', part);
                    RETURN false;
                END
                $$;
                REVOKE ALL ON FUNCTION auditdash_event_month(integer, integer) FROM PUBLIC;
                """);
            migrationBuilder.Sql("""
                DO $$
                DECLARE d date;
                BEGIN
                    FOR d IN SELECT DISTINCT date_trunc('month', date '0001-01-01' + (received_at / 864000000000)::integer)::date FROM access_events_unpartitioned
                             UNION SELECT date_trunc('month', now() AT TIME ZONE 'UTC')::date
                             UNION SELECT (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '1 month')::date
                    LOOP
                        PERFORM auditdash_event_month(extract(year FROM d)::integer, extract(month FROM d)::integer);
                    END LOOP;
                END
                $$;
                INSERT INTO access_events SELECT * FROM access_events_unpartitioned ORDER BY seq;
                DROP TABLE access_events_unpartitioned;
                ALTER TABLE access_events ADD CONSTRAINT "PK_access_events" PRIMARY KEY (seq, received_at);
                """);

            migrationBuilder.CreateIndex(name: "ix_access_events_client", table: "access_events", columns: ["client_id", "timestamp"], filter: "client_id IS NOT NULL");
            migrationBuilder.CreateIndex(name: "ix_access_events_correlation", table: "access_events", column: "correlation_id", filter: "correlation_id IS NOT NULL");
            migrationBuilder.CreateIndex(name: "ix_access_events_ip", table: "access_events", columns: ["ip", "timestamp"], filter: "ip IS NOT NULL");
            migrationBuilder.CreateIndex(name: "ix_access_events_parent_token", table: "access_events", column: "parent_token_id", filter: "parent_token_id IS NOT NULL");
            migrationBuilder.CreateIndex(name: "ix_access_events_session", table: "access_events", columns: ["session_id", "timestamp"], filter: "session_id IS NOT NULL");
            migrationBuilder.CreateIndex(name: "ix_access_events_timestamp", table: "access_events", column: "timestamp");
            migrationBuilder.CreateIndex(name: "ix_access_events_token", table: "access_events", column: "token_id", filter: "token_id IS NOT NULL");
            migrationBuilder.CreateIndex(name: "ix_access_events_trace", table: "access_events", column: "trace_id", filter: "trace_id IS NOT NULL");
            migrationBuilder.CreateIndex(name: "ix_access_events_type", table: "access_events", columns: ["event_type", "timestamp"]);
            migrationBuilder.CreateIndex(name: "ix_access_events_user", table: "access_events", columns: ["user_id", "timestamp"], filter: "user_id IS NOT NULL");

            foreach (var op in new[] { "update", "delete", "truncate" })
                migrationBuilder.Sql($"CREATE TRIGGER access_events_no_{op} BEFORE {op.ToUpperInvariant()} ON access_events FOR EACH STATEMENT EXECUTE FUNCTION auditdash_refuse_change();");
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION auditdash_seq_order() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE first_seq bigint; last_seq bigint; n bigint;
                BEGIN
                    SELECT min(seq), max(seq), count(*) INTO first_seq, last_seq, n FROM inserted;
                    IF n = 0 THEN RETURN NULL; END IF;
                    IF last_seq - first_seq + 1 <> n
                       OR first_seq <> COALESCE((SELECT seq FROM access_events WHERE seq < first_seq ORDER BY seq DESC LIMIT 1), 0) + 1
                       OR EXISTS (SELECT 1 FROM access_events WHERE seq > last_seq) THEN
                        RAISE EXCEPTION 'access_events is a chain: a new seq must extend it by exactly one (got % to %)', first_seq, last_seq USING ERRCODE = 'P0001';
                    END IF;
                    -- A re-sent event fails here on event_keys' primary key: a unique_violation, as on the other engines.
                    INSERT INTO event_keys SELECT source, event_id, seq FROM inserted;
                    RETURN NULL;
                END
                $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER access_events_seq_order AFTER INSERT ON access_events REFERENCING NEW TABLE AS inserted " +
                                 "FOR EACH STATEMENT EXECUTE FUNCTION auditdash_seq_order();");
        }

        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("Partitioning and append-only enforcement are never removed by a migration.");
    }
}
