using AuditDashboard.Core.Geo;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Core.Detection;

/// <summary>
/// Runs the detectors over stored events: a backfill over a period (fresh detectors, events in timestamp order,
/// with a look-back so long-memory detectors know the history), or incrementally from the last seq seen.
/// </summary>
public sealed class DetectionRunner(IDbContextFactory<AuditDbContext> dbFactory, IOptions<DetectionOptions> configured, GeoLookup geo, TimeProvider clock)
{
    public DetectionRunner(IDbContextFactory<AuditDbContext> dbFactory, DetectionOptions options, TimeProvider clock, GeoLookup? geo = null)
        : this(dbFactory, Microsoft.Extensions.Options.Options.Create(options), geo ?? GeoLookup.None, clock)
    {
    }

    /// <summary>Whether events without geo are looked up; the geo detectors see only events that carry it otherwise.</summary>
    public bool HasGeoDatabase => geo.IsConfigured;

    // Read on first use, so start-up validation reports bad thresholds before anything runs.
    private DetectionOptions Settings => configured.Value;

    private const int Chunk = 2000;
    private static readonly SemaphoreSlim Lock = new(1, 1);
    private IReadOnlyList<IDetector>? _live;

    public IReadOnlyList<string> DetectorNames => Detectors.Names(Settings);

    /// <summary>
    /// Forgets what the live detectors remember, for a process that takes the live detection over from another:
    /// the events in between were seen by that process, not this one.
    /// </summary>
    public async Task ResetLiveAsync(CancellationToken cancellationToken = default)
    {
        await Lock.WaitAsync(cancellationToken);
        try
        {
            _live = null;
        }
        finally
        {
            Lock.Release();
        }
    }

    /// <summary>Raises (or updates) the integrity-break alert when a verification failed; returns alerts opened.</summary>
    public async Task<int> RecordVerificationAsync(VerificationResult result, CancellationToken cancellationToken = default)
    {
        if (result.Intact) return 0;
        await Lock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            // The episode starts at the last intact event, which stays put however often the break is found again.
            var lastIntactAt = await db.Events.Where(e => e.Seq <= Math.Max(1, result.HeadSeq)).OrderByDescending(e => e.Seq)
                .Select(e => (DateTime?)e.Timestamp).FirstOrDefaultAsync(cancellationToken) ?? DateTime.UnixEpoch;
            var candidate = IntegrityBreak.Candidate(result, lastIntactAt, now)!;
            return await AlertStore.UpsertAsync(db, [candidate], now, cancellationToken);
        }
        finally
        {
            Lock.Release();
        }
    }

    /// <summary>Looks at events from <paramref name="from"/> to <paramref name="to"/>; alerts from the look-back before it are not raised.</summary>
    public async Task<int> BackfillAsync(DateTime? from, DateTime? to, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        await Lock.WaitAsync(cancellationToken);
        try
        {
            var detectors = Detectors.Create(Settings);
            var lookBack = TimeSpan.FromDays(Math.Max(Settings.DormantDays, Math.Max(Settings.TokenMemoryDays, Settings.NewCountryLearningDays)) + 1);
            DateTime? readFrom = from - lookBack;
            int opened = 0;
            long seen = 0;
            DateTime? afterTime = null;
            long afterSeq = 0;
            while (true)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var query = db.Events.AsNoTracking();
                if (readFrom is { } rf) query = query.Where(e => e.Timestamp >= rf);
                if (to is { } t) query = query.Where(e => e.Timestamp < t);
                if (afterTime is { } at)
                {
                    var s = afterSeq;
                    query = query.Where(e => e.Timestamp > at || (e.Timestamp == at && e.Seq > s));
                }
                var rows = await query.OrderBy(e => e.Timestamp).ThenBy(e => e.Seq).Take(Chunk).ToListAsync(cancellationToken);
                if (rows.Count == 0) break;
                foreach (var row in rows) geo.Fill(row);
                var found = rows.SelectMany(e => detectors.SelectMany(d => d.Observe(e)))
                    .Where(c => from is null || c.WindowEnd >= from).ToList();
                opened += await AlertStore.UpsertAsync(db, found, clock.GetUtcNow().UtcDateTime, cancellationToken);
                (afterTime, afterSeq) = (rows[^1].Timestamp, rows[^1].Seq);
                seen += rows.Count;
                progress?.Report(seen);
            }
            return opened;
        }
        finally
        {
            Lock.Release();
        }
    }

    /// <summary>Feeds the live detectors every event stored since the last call (by seq); returns alerts opened.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await Lock.WaitAsync(cancellationToken);
        try
        {
            _live ??= Detectors.Create(Settings);
            int opened = 0;
            while (true)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var state = await db.DetectionStates.FirstOrDefaultAsync(s => s.Id == 1, cancellationToken);
                if (state is null)
                {
                    // A new store (or one that a backfill already covered): start at its current end.
                    state = new DetectionState { LastSeq = await db.Events.OrderByDescending(e => e.Seq).Select(e => e.Seq).FirstOrDefaultAsync(cancellationToken) };
                    db.DetectionStates.Add(state);
                    await db.SaveChangesAsync(cancellationToken);
                }
                long last = state.LastSeq;
                var rows = await db.Events.AsNoTracking().Where(e => e.Seq > last).OrderBy(e => e.Seq).Take(Chunk).ToListAsync(cancellationToken);
                if (rows.Count == 0) return opened;
                foreach (var row in rows) geo.Fill(row);
                var found = rows.OrderBy(e => e.Timestamp).ThenBy(e => e.Seq).SelectMany(e => _live.SelectMany(d => d.Observe(e))).ToList();
                opened += await AlertStore.UpsertAsync(db, found, clock.GetUtcNow().UtcDateTime, cancellationToken);
                state.LastSeq = rows[^1].Seq;
                await db.SaveChangesAsync(cancellationToken);
                if (rows.Count < Chunk) return opened;
            }
        }
        finally
        {
            Lock.Release();
        }
    }
}
