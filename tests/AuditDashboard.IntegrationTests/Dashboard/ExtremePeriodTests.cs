using System.Net;
using AuditDashboard.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace AuditDashboard.IntegrationTests.Dashboard;

/// <summary>Whatever period a URL asks for, a page does bounded work: the same answer size and memory as a sane period.</summary>
public sealed class ExtremePeriodTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private const string Widest = "from=0002-01-01T00:00&to=9998-12-31T00:00";
    private const string Centuries = "from=1726-01-01T00:00&to=2026-12-31T00:00";

    private AppFactory Seeded() => new(_db.Path, new Dictionary<string, string?>
    {
        ["Demo:SeedOnEmpty"] = "true", ["Demo:Simulation:Days"] = "2", ["Demo:Simulation:Users"] = "6", ["Demo:Simulation:Seed"] = "3",
    });

    [Theory]
    [InlineData("/")]
    [InlineData("/events")]
    [InlineData("/sessions")]
    [InlineData("/alerts")]
    [InlineData("/controls")]
    [InlineData("/api/v1/export/events.csv")]
    [InlineData("/api/v1/export/events.ndjson")]
    public async Task Every_page_and_export_answers_extreme_periods_with_a_bounded_answer(string path)
    {
        await using var app = Seeded();
        using var client = await DashboardClient.SignedInAsync(app, "Administrator");
        foreach (var period in new[] { Widest, Centuries, "from=9998-01-01T00:00&to=9999-12-31T23:59", "from=0001-01-01T00:00&to=0001-01-02T00:00" })
        {
            var response = await client.GetAsync($"{path}?{period}");
            // A period that is empty once clamped to what can be stored is a clear refusal for an export, never a 500.
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.StartsWith("/api/", path);
                Assert.Contains("time range", await response.Content.ReadAsStringAsync());
            }
            var length = (await response.Content.ReadAsByteArrayAsync()).Length;
            output.WriteLine($"{path}?{period}: {length:N0} bytes");
            Assert.True(length < 4 * 1024 * 1024, $"{path}?{period} answered {length:N0} bytes");
        }
    }

    [Fact]
    public async Task The_overview_of_the_widest_period_holds_about_what_a_week_does()
    {
        await using var app = Seeded();
        using var client = await DashboardClient.SignedInAsync(app, "Auditor");
        await client.GetStringAsync("/?range=7d");

        long week = await PeakHeapAsync(() => client.GetStringAsync("/?range=7d"));
        long widest = await PeakHeapAsync(() => client.GetStringAsync("/?" + Widest));
        output.WriteLine($"peak managed heap: a week {week / 1048576.0:F1} MiB, 0002 to 9998 {widest / 1048576.0:F1} MiB");
        Assert.True(widest < week + 64L * 1024 * 1024, $"the widest period held {widest / 1048576.0:F1} MiB, a week {week / 1048576.0:F1} MiB");
    }

    private static async Task<long> PeakHeapAsync(Func<Task> request)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long peak = 0;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(2);
            }
        });
        await request();
        peak = Math.Max(peak, GC.GetTotalMemory(false));
        await done.CancelAsync();
        await sampler;
        return peak;
    }
}
