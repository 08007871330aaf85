using System.Text;
using AuditDashboard.Core.Ingest;
using AuditDashboard.Core.Storage;
using Microsoft.Data.Sqlite;

namespace AuditDashboard.Tests;

/// <summary>A migrated SQLite store in its own temporary folder, filled through the ingest service.</summary>
public sealed class TempStore : IAsyncDisposable
{
    private TempStore(string folder, SimpleDbContextFactory factory) => (Folder, Factory) = (folder, factory);

    public string Folder { get; }
    public SimpleDbContextFactory Factory { get; }

    public static async Task<TempStore> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "auditdash-unit", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var factory = new SimpleDbContextFactory(AuditStore.CreateOptions(new DatabaseOptions { SqlitePath = Path.Combine(folder, "audit.db") }, folder));
        await using (var db = factory.CreateDbContext()) await AuditStore.MigrateAsync(db);
        return new TempStore(folder, factory);
    }

    /// <summary>Ingests NDJSON lines; fails the test if the batch is refused.</summary>
    public async Task IngestAsync(params string[] ndjson)
    {
        var result = await new IngestService(Factory, new IngestOptions(), TestClock.Default)
            .IngestJsonAsync(Encoding.UTF8.GetBytes(string.Join('\n', ndjson)), "test");
        Assert.True(result.Status == IngestStatus.Accepted, result.Message);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
