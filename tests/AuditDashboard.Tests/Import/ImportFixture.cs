using AuditDashboard.Core.Events;
using AuditDashboard.Core.Import;
using AuditDashboard.Core.Ingest;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Tests.Import;

/// <summary>Imports a sample into a fresh store and returns the result and the stored events in seq order.</summary>
internal static class ImportFixture
{
    public static async Task<(ImportResult Result, List<AccessEvent> Events, TempStore Store)> ImportAsync(string format, string file, string? source = null)
    {
        var store = await TempStore.CreateAsync();
        await using var stream = File.OpenRead(Samples.Path(file));
        var result = await Service(store).ImportAsync(stream, format, source, "test");
        await using var db = store.Factory.CreateDbContext();
        return (result, await db.Events.AsNoTracking().OrderBy(e => e.Seq).ToListAsync(), store);
    }

    public static ImportService Service(TempStore store) => new(new IngestService(store.Factory, new IngestOptions(), TestClock.Default));

    public static DateTime Utc(string iso) => DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
}
