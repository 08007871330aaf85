using AuditDashboard.Core.Events;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Overview;

/// <summary>
/// Keeps the overview's aggregates up to date by reading the chain forward from the last seq it counted.
/// It runs off the ingest path (ingest speed is unaffected), every few seconds in the background and before
/// each overview query, so the overview is current and costs the same however large the store grows. Each chunk is
/// counted in one exclusive transaction that reads the cursor and advances it, so several callers — threads or
/// processes on the same database — never count an event twice.
/// </summary>
public sealed class Aggregator(IDbContextFactory<AuditDbContext> dbFactory)
{
    private const int Chunk = 5000;

    /// <summary>Counts every event not yet counted; returns the last seq counted.</summary>
    public async Task<long> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        // Nothing new (the common case before each overview query): answered without taking the write lock.
        await using (var peek = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            long counted = await peek.AggregateStates.Where(s => s.Id == 1).Select(s => s.LastSeq).FirstOrDefaultAsync(cancellationToken);
            long head = await peek.Events.OrderByDescending(e => e.Seq).Select(e => e.Seq).FirstOrDefaultAsync(cancellationToken);
            if (head <= counted) return counted;
        }
        while (true)
        {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                await using var tx = await ExclusiveTransaction.BeginAsync(db, ExclusiveTransaction.Aggregates, cancellationToken);
                var state = await db.AggregateStates.FirstOrDefaultAsync(s => s.Id == 1, cancellationToken);
                if (state is null)
                {
                    state = new AggregateState();
                    db.AggregateStates.Add(state);
                }
                long last = state.LastSeq;
                var rows = await db.Events.AsNoTracking().Where(e => e.Seq > last).OrderBy(e => e.Seq).Take(Chunk)
                    .Select(e => new Row(e.Seq, e.Timestamp, e.EventType, e.Outcome, e.Source, e.UserId ?? e.Username, e.UserId, e.Username, e.ClientId,
                        e.SessionId, e.Ip, e.GeoCountry, e.GeoAsn, e.Source == EventSources.Dashboard ? e.Attributes : null))
                    .ToListAsync(cancellationToken);
                if (rows.Count == 0) return last;

                // The dashboard's own use is counted apart: it is not activity at the identity providers.
                var activity = rows.Where(r => r.Source != EventSources.Dashboard).ToList();
                if (activity.Count > 0)
                {
                    await ApplyAsync(db, activity, cancellationToken);
                    await ApplySessionsAsync(db, activity, cancellationToken);
                }
                await DashboardUseCounter.ApplyAsync(db, rows.Where(r => r.Source == EventSources.Dashboard).ToList(), cancellationToken);
                await NameIndexer.ApplyAsync(db, rows, cancellationToken);
                state.LastSeq = rows[^1].Seq;
                await db.SaveChangesAsync(cancellationToken);
                await tx.CommitAsync(cancellationToken);
                if (rows.Count < Chunk) return state.LastSeq;
        }
    }

    /// <param name="User">The account, as everywhere (detectors, reports): the user id, or the username when there is none.</param>
    internal sealed record Row(long Seq, DateTime Timestamp, string EventType, string Outcome, string Source, string? User, string? UserId, string? Username,
        string? Client, string? Session, string? Ip, string? Country, long? Asn, string? DashboardAttributes);

    private static async Task ApplyAsync(AuditDbContext db, List<Row> rows, CancellationToken cancellationToken)
    {
        var hourly = rows.GroupBy(r => (Hour: Truncate(r.Timestamp, TimeSpan.TicksPerHour), r.EventType, r.Outcome))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        var minHour = hourly.Keys.Min(k => k.Hour);
        var maxHour = hourly.Keys.Max(k => k.Hour);
        var existingHours = await db.HourlyCounts.Where(h => h.Hour >= minHour && h.Hour <= maxHour).ToListAsync(cancellationToken);
        var hoursByKey = existingHours.ToDictionary(h => (h.Hour, h.EventType, h.Outcome));
        foreach (var ((hour, type, outcome), count) in hourly)
        {
            if (hoursByKey.TryGetValue((hour, type, outcome), out var row)) row.Count += count;
            else db.HourlyCounts.Add(new HourlyCount { Hour = hour, EventType = type, Outcome = outcome, Count = count });
        }

        var actors = new Dictionary<(string Kind, DateTime Day, string Value), (long Events, long Failures, long SignIn)>();
        foreach (var r in rows)
        {
            var day = Truncate(r.Timestamp, TimeSpan.TicksPerDay);
            bool failure = r.Outcome == Outcomes.Failure;
            bool signIn = r.EventType is EventTypes.LoginFailure or EventTypes.MfaFailure;
            void Count(string kind, string? value)
            {
                if (value is null) return;
                if (value.Length > 256) value = value[..256];
                var key = (kind, day, value);
                var (events, failures, signIns) = actors.GetValueOrDefault(key);
                actors[key] = (events + 1, failures + (failure ? 1 : 0), signIns + (signIn ? 1 : 0));
            }
            Count(DailyActor.User, r.User);
            Count(DailyActor.Client, r.Client);
            Count(DailyActor.Session, r.Session);
            Count(DailyActor.Ip, r.Ip);
        }
        foreach (var kindGroup in actors.Keys.GroupBy(k => k.Kind))
        {
            var kind = kindGroup.Key;
            var minDay = kindGroup.Min(k => k.Day);
            var maxDay = kindGroup.Max(k => k.Day);
            var values = kindGroup.Select(k => k.Value).Distinct().ToList();
            var existing = new Dictionary<(string, DateTime, string), DailyActor>();
            foreach (var chunk in values.Chunk(500))
            {
                var list = chunk.ToList();
                foreach (var a in await db.DailyActors.Where(a => a.Kind == kind && a.Day >= minDay && a.Day <= maxDay && list.Contains(a.Value)).ToListAsync(cancellationToken))
                    existing[(a.Kind, a.Day, a.Value)] = a;
            }
            foreach (var key in kindGroup)
            {
                var (events, failures, signIns) = actors[key];
                if (existing.TryGetValue(key, out var row))
                {
                    row.Events += events;
                    row.Failures += failures;
                    row.SignInFailures += signIns;
                }
                else
                {
                    db.DailyActors.Add(new DailyActor { Kind = key.Kind, Day = key.Day, Value = key.Value, Events = events, Failures = failures, SignInFailures = signIns });
                }
            }
        }
    }

    /// <summary>Whole-session figures; distinct IPs and countries grow by the (session, value) pairs not seen before.</summary>
    private static async Task ApplySessionsAsync(AuditDbContext db, List<Row> rows, CancellationToken cancellationToken)
    {
        var bySession = rows.Where(r => r.Session is not null && r.Session.Length <= 256).GroupBy(r => r.Session!).ToList();
        foreach (var chunk in bySession.Chunk(500))
        {
            var ids = chunk.Select(g => g.Key).ToList();
            var sessions = await db.SessionAggregates.Where(s => ids.Contains(s.SessionId)).ToDictionaryAsync(s => s.SessionId, cancellationToken);
            var known = (await db.SessionValues.Where(v => ids.Contains(v.SessionId)).ToListAsync(cancellationToken))
                .Select(v => (v.SessionId, v.Kind, v.Value)).ToHashSet();
            foreach (var group in chunk)
            {
                if (!sessions.TryGetValue(group.Key, out var s))
                {
                    s = new SessionAggregate { SessionId = group.Key, FirstSeen = group.Min(r => r.Timestamp), LastSeen = group.Max(r => r.Timestamp) };
                    db.SessionAggregates.Add(s);
                    sessions[group.Key] = s;
                }
                foreach (var r in group)
                {
                    if (r.Timestamp < s.FirstSeen) s.FirstSeen = r.Timestamp;
                    if (r.Timestamp > s.LastSeen) s.LastSeen = r.Timestamp;
                    s.UserId ??= r.UserId;
                    s.Username ??= r.Username;
                    s.ClientId ??= r.Client;
                    s.Events++;
                    if (r.Outcome == Outcomes.Failure) s.Failures++;
                    if (r.Ip is { Length: <= 256 } ip && known.Add((s.SessionId, SessionValue.Ip, ip)))
                    {
                        db.SessionValues.Add(new SessionValue { SessionId = s.SessionId, Kind = SessionValue.Ip, Value = ip });
                        s.DistinctIps++;
                    }
                    if (Networks.Of(r.Ip, r.Asn) is { } network && known.Add((s.SessionId, SessionValue.Network, network)))
                    {
                        db.SessionValues.Add(new SessionValue { SessionId = s.SessionId, Kind = SessionValue.Network, Value = network });
                        s.DistinctNetworks++;
                    }
                    if (r.Country is { Length: <= 256 } stored && AuditDashboard.Core.Geo.Countries.Normalize(stored) is var country && known.Add((s.SessionId, SessionValue.Country, country)))
                    {
                        db.SessionValues.Add(new SessionValue { SessionId = s.SessionId, Kind = SessionValue.Country, Value = country });
                        s.DistinctCountries++;
                    }
                }
            }
        }
    }

    internal static DateTime Truncate(DateTime t, long unit) => new(t.Ticks - t.Ticks % unit, DateTimeKind.Utc);
}
