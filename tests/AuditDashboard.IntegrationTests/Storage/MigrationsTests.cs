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
    public async Task A_new_sqlite_database_gets_every_dashboard_index_and_trigger()
    {
        using var temp = new TempDatabase();
        await Stores.MigratedSqliteAsync(temp.Path);
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={temp.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE tbl_name = 'access_events' AND type IN ('index', 'trigger')";
        var names = new List<string>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) names.Add(reader.GetString(0));

        foreach (var index in new[] { "timestamp", "user", "session", "correlation", "trace", "client", "ip", "type" })
            Assert.Contains($"ix_access_events_{index}", names);
        Assert.Contains("ux_access_events_source_event_id", names);
        Assert.Contains("access_events_no_replace", names);
    }
}
