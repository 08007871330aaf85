using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Integrity.Notes;
using AuditDashboard.Core.Storage;

namespace AuditDashboard.Benchmarks;

/// <summary>Signs and publishes a checkpoint of a store on a fixed interval in the background, as the app's checkpoint service does.</summary>
public sealed class Checkpoints : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private Checkpoints(SimpleDbContextFactory factory, TimeSpan interval, string publish)
    {
        Maker = new CheckpointMaker(NoteSigner.Generate(new IntegrityOptions().LogOrigin), TimeProvider.System, new LogPublisher(publish));
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                await using var db = factory.CreateDbContext();
                await Maker.MakeAsync(db, _stop.Token);
                Spent += watch.Elapsed;
                Made++;
            }
        });
    }

    public CheckpointMaker Maker { get; }
    public int Made { get; private set; }
    public TimeSpan Spent { get; private set; }

    public static Checkpoints Every(SimpleDbContextFactory factory, TimeSpan interval, string publish) => new(factory, interval, publish);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        Console.WriteLine($"  ({Made} checkpoints signed and published during the run, {Spent.TotalMilliseconds / Math.Max(1, Made):F1} ms each)");
        _stop.Dispose();
    }
}
