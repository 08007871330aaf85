using AuditDashboard.Core.Storage;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AuditDashboard.IntegrationTests.Storage;

public sealed class MigrationsTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new AuditDbContext(Stores.Sqlite(Path.Combine(Path.GetTempPath(), "never-opened.db")));
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed: add a migration to AuditDashboard.Migrations.Sqlite");
    }

    [Fact]
    public void The_sql_server_migrations_match_the_model()
    {
        using var db = new AuditDbContext(Stores.SqlServerOffline());
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed: add a migration to AuditDashboard.Migrations.SqlServer");
    }

    [Fact]
    public void The_postgresql_migrations_match_the_model()
    {
        using var db = new AuditDbContext(Stores.PostgreSqlOffline());
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed: add a migration to AuditDashboard.Migrations.PostgreSql");
    }

    [Fact]
    public void The_sql_server_script_creates_the_indexes_and_the_append_only_enforcement()
    {
        using var db = new AuditDbContext(Stores.SqlServerOffline());
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TRIGGER access_events_no_update ON access_events INSTEAD OF UPDATE", script);
        Assert.Contains("CREATE TRIGGER access_events_no_delete ON access_events INSTEAD OF DELETE", script);
        Assert.Contains("CREATE TRIGGER chain_heads_no_update ON chain_heads INSTEAD OF UPDATE", script);
        Assert.Contains("CREATE TRIGGER chain_heads_no_delete ON chain_heads INSTEAD OF DELETE", script);
        Assert.Contains("THROW 51000, 'access_events is append-only: UPDATE refused'", script);
        Assert.Contains("CREATE UNIQUE INDEX [ux_access_events_source_event_id]", script);
        foreach (var index in new[] { "timestamp", "user", "session", "correlation", "trace", "client", "ip", "type" })
            Assert.Contains($"[ix_access_events_{index}]", script);
    }

    [Fact]
    public void On_sql_server_2022_the_events_table_is_rebuilt_as_an_append_only_ledger_table_with_every_column()
    {
        using var db = new AuditDbContext(Stores.SqlServerOffline());
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF CAST(SERVERPROPERTY('ProductMajorVersion') AS int) >= 16 OR CAST(SERVERPROPERTY('EngineEdition') AS int) IN (5, 8)", script);
        Assert.Contains(") WITH (LEDGER = ON (APPEND_ONLY = ON));", script);
        Assert.Contains("CREATE TRIGGER access_events_seq_order ON access_events AFTER INSERT", script);
        Assert.Contains("THROW 51001, 'access_events is a chain: a new seq must extend it by exactly one'", script);
        // The rebuilt table has every column the app writes, and every index the model declares.
        var ledger = AuditDashboard.Migrations.SqlServer.Migrations.LedgerEvents.LedgerTable;
        foreach (var column in EventTable.Columns) Assert.Matches($@"[\s(]{column} ", ledger);
        var model = db.Model.FindEntityType(typeof(Core.Events.AccessEvent))!;
        foreach (var index in model.GetIndexes()) Assert.Contains($"CREATE {(index.IsUnique ? "UNIQUE " : "")}INDEX {index.GetDatabaseName()} ON access_events", script);
        foreach (var table in new[] { "log_checkpoints", "log_cosignatures" })
            Assert.Contains($"CREATE TRIGGER {table}_no_update ON {table} INSTEAD OF UPDATE", script);
    }

    [Fact]
    public async Task With_migrate_on_start_off_the_app_refuses_an_old_schema_and_runs_on_a_current_one()
    {
        using var temp = new TempDatabase();
        var settings = new Dictionary<string, string?> { ["Database:MigrateOnStart"] = "false" };
        await using (var app = new AppFactory(temp.Path, settings))
        {
            var ex = Assert.ThrowsAny<Exception>(() => app.CreateClient()).ToString();
            Assert.Contains("Database:MigrateOnStart is false", ex);
            Assert.Contains("auditdash migrate", ex);
        }
        var migrate = await Processes.AuditdashAsync(temp.Folder, "--db", temp.Path, "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Stderr);
        await using (var app = new AppFactory(temp.Path, settings))
            Assert.Equal(System.Net.HttpStatusCode.OK, (await app.CreateClient().GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task A_new_sqlite_database_gets_every_dashboard_index_and_trigger()
    {
        using var temp = new TempDatabase();
        await Stores.MigratedSqliteAsync(temp.Path);
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={temp.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE tbl_name IN ('access_events', 'log_checkpoints', 'log_cosignatures') AND type IN ('index', 'trigger')";
        var names = new List<string>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) names.Add(reader.GetString(0));

        foreach (var index in new[] { "timestamp", "user", "session", "correlation", "trace", "client", "ip", "type" })
            Assert.Contains($"ix_access_events_{index}", names);
        Assert.Contains("ux_access_events_source_event_id", names);
        Assert.Contains("access_events_no_replace", names);
        foreach (var table in new[] { "log_checkpoints", "log_cosignatures" })
        {
            Assert.Contains($"{table}_no_update", names);
            Assert.Contains($"{table}_no_delete", names);
        }
    }
}
