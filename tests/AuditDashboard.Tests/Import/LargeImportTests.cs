using System.Text;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace AuditDashboard.Tests.Import;

/// <summary>
/// A 100 MB import on one line holds one record and one batch at a time, not the line or the file: the peak is the
/// same for a 25 MB file. Measured as the heap each garbage collection leaves, so it is what the import holds.
/// </summary>
public sealed class LargeImportTests(ITestOutputHelper output)
{
    private const int Records = 10_600;
    private const long PeakBound = 96L * 1024 * 1024;

    [Fact]
    public async Task A_100_mb_one_line_envelope_imports_with_bounded_managed_memory()
    {
        await using var store = await TempStore.CreateAsync();
        var path = Path.Combine(store.Folder, "one-line.json");
        var pad = new string('x', 9_800);
        await using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            await writer.WriteAsync("{\"value\":[");
            for (int i = 0; i < Records; i++)
            {
                if (i > 0) await writer.WriteAsync(',');
                await writer.WriteAsync($"{{\"event_id\":\"big-{i}\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"event_type\":\"login_success\",\"outcome\":\"success\",\"source\":\"big\",\"user_id\":\"u{i % 50}\",\"attributes\":{{\"pad\":\"{pad}\"}}}}");
            }
            await writer.WriteAsync("]}");
        }
        long size = new FileInfo(path).Length;
        Assert.True(size > 100_000_000, $"the file is {size} bytes");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long before = GC.GetGCMemoryInfo().HeapSizeBytes;
        using var sampler = new PeakSampler();
        await using (var file = File.OpenRead(path))
        {
            var result = await ImportFixture.Service(store).ImportAsync(file, "native", null, "test");
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            Assert.Equal(Records, result.Accepted);
        }
        long peak = sampler.Stop() - before;
        output.WriteLine($"file {size / 1048576.0:F1} MiB, peak managed heap above the start {peak / 1048576.0:F1} MiB");
        Assert.True(peak < PeakBound, $"peak managed memory grew by {peak / 1048576.0:F1} MiB for a {size / 1048576.0:F1} MiB file");
        await using var db = store.Factory.CreateDbContext();
        Assert.Equal(Records, await db.Events.CountAsync());
    }

    [Fact]
    public async Task A_record_over_the_limit_is_refused_naming_the_limit_and_nothing_is_stored()
    {
        await using var store = await TempStore.CreateAsync();
        var huge = "{\"event_id\":\"e\",\"attributes\":{\"pad\":\"" + new string('x', 2 * 1024 * 1024) + "\"}}";
        foreach (var text in new[] { huge, "[" + huge + "]", "{\"value\":[" + huge + "]}", "{\"other\":\"" + new string('y', 3 * 1024 * 1024) + "\"}" })
        {
            await using var file = new MemoryStream(Encoding.UTF8.GetBytes(text));
            var result = await ImportFixture.Service(store).ImportAsync(file, "native", null, "test");
            Assert.Contains("Ingest:MaxImportRecordBytes", Assert.Single(result.Errors));
        }
        await using var db = store.Factory.CreateDbContext();
        Assert.Equal(0, await db.Events.CountAsync());
    }

    /// <summary>Samples the managed heap every few milliseconds on its own thread.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;

        public PeakSampler()
        {
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    // The heap as the last collection left it: what the import kept, not garbage awaiting the next one.
                    _peak = Math.Max(_peak, GC.GetGCMemoryInfo().HeapSizeBytes);
                    Thread.Sleep(2);
                }
            }) { IsBackground = true };
            _thread.Start();
        }

        public long Stop()
        {
            _stop = true;
            _thread.Join();
            return _peak;
        }

        public void Dispose() => _stop = true;
    }
}
