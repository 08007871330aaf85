using AuditDashboard.Core.Ingest;
using AuditDashboard.Core.Storage;

namespace AuditDashboard.Benchmarks;

public static class Stores
{
    public static SimpleDbContextFactory Factory(string path) =>
        new(AuditStore.CreateOptions(new DatabaseOptions { SqlitePath = path }, Path.GetTempPath()));

    public static async Task<SimpleDbContextFactory> MigrateAsync(string path)
    {
        var factory = Factory(path);
        await using var db = factory.CreateDbContext();
        await AuditStore.MigrateAsync(db);
        return factory;
    }

    /// <summary>Events per second through the ingest service (parse, validate, dedupe, chain, insert).</summary>
    public static async Task<double> IngestAsync(IngestService service, List<byte[]> batches, int events, string origin)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var body in batches)
        {
            var result = await service.IngestJsonAsync(body, origin);
            if (result.Status != IngestStatus.Accepted) throw new InvalidOperationException(result.Message);
        }
        return events / watch.Elapsed.TotalSeconds;
    }

    public static IngestService Service(SimpleDbContextFactory factory, bool withoutMerkleLog = false) =>
        new(factory, new IngestOptions { WithoutMerkleLog = withoutMerkleLog }, TimeProvider.System);
}
