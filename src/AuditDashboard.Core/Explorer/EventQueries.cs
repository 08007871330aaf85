using AuditDashboard.Core.Events;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Explorer;

/// <summary>
/// The explorer's queries: newest first, keyset-paginated on (timestamp, seq) so a page deep in the range costs
/// the same as the first, and streamed for exports.
/// </summary>
public static class EventQueries
{
    public const int MaxPageSize = 500;

    /// <summary>Matches counted exactly up to here; beyond it the explorer says "10,000+" (the count's work stays bounded).</summary>
    public const int CountCap = 10_000;

    /// <summary>Up to this many users matched by a typed name, a page is merged from each user's own index walk.</summary>
    private const int MaxMergedUsers = 8;

    public static Task<EventPage> PageAsync(AuditDbContext db, EventFilter filter, EventCursor? after, int pageSize, CancellationToken cancellationToken = default) =>
        PageAsync(db, filter, EventSort.Newest, after, before: null, pageSize, cancellationToken);

    /// <summary>
    /// A page in <paramref name="sort"/> order after <paramref name="after"/>, or, with <paramref name="before"/>, the page
    /// that precedes that position (read in the opposite direction, then turned round).
    /// </summary>
    /// <param name="names">The filter's names already resolved (<see cref="NameLookup"/>), when the caller reads several pages or counts too.</param>
    public static async Task<EventPage> PageAsync(AuditDbContext db, EventFilter filter, EventSort sort, EventCursor? after, EventCursor? before, int pageSize,
        CancellationToken cancellationToken = default, NameMatches? names = null)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var ip = filter.Ip is null ? null : IpMatch.TryParse(filter.Ip);
        names ??= await NameLookup.ResolveAsync(db, filter, cancellationToken);
        bool backward = before is not null;
        bool descending = (sort == EventSort.Newest) != backward;
        var results = new List<AccessEvent>(pageSize + 1);
        var cursor = backward ? before : after;
        if (names.Users is { Count: > 0 and <= MaxMergedUsers } users && ip?.NeedsExactCheck != true)
        {
            // A few matched users: walk each one's own index in page order and merge, so the page costs the page
            // however many events those users have (one OR over both columns would sort all of them first).
            var unfiltered = Apply(db, filter with { User = null }, ip, names with { Users = null });
            foreach (var user in users)
            {
                results.AddRange(await Ordered(unfiltered.Where(e => e.UserId == user), cursor, descending).Take(pageSize + 1).ToListAsync(cancellationToken));
                results.AddRange(await Ordered(unfiltered.Where(e => e.Username == user), cursor, descending).Take(pageSize + 1).ToListAsync(cancellationToken));
            }
            var merged = results.DistinctBy(e => e.Seq);
            results = (descending ? merged.OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.Seq) : merged.OrderBy(e => e.Timestamp).ThenBy(e => e.Seq))
                .Take(pageSize + 1).ToList();
        }
        // Rows outside an unaligned CIDR block are dropped after the index range, so a page may need several reads.
        else while (results.Count <= pageSize)
        {
            int want = pageSize + 1 - results.Count;
            var rows = await Ordered(Apply(db, filter, ip, names), cursor, descending).Take(want * (ip?.NeedsExactCheck == true ? 4 : 1)).ToListAsync(cancellationToken);
            if (rows.Count == 0) break;
            results.AddRange(ip?.NeedsExactCheck == true ? rows.Where(r => ip.Matches(r.Ip)) : rows);
            cursor = new EventCursor(rows[^1].Timestamp, rows[^1].Seq);
            if (rows.Count < want) break;
        }
        bool more = results.Count > pageSize;
        if (more) results.RemoveRange(pageSize, results.Count - pageSize);
        if (backward) results.Reverse();
        static EventCursor At(AccessEvent e) => new(e.Timestamp, e.Seq);
        EventCursor? next = results.Count == 0 ? null : backward ? At(results[^1]) : more ? At(results[^1]) : null;
        EventCursor? previous = results.Count == 0 ? null : backward ? (more ? At(results[0]) : null) : after is null ? null : At(results[0]);
        return new EventPage(results, next, names.Notes, previous);
    }

    /// <summary>How many events match, exactly up to <see cref="CountCap"/>: reading stops there.</summary>
    public static async Task<EventCount> CountAsync(AuditDbContext db, EventFilter filter, CancellationToken cancellationToken = default, NameMatches? names = null)
    {
        var ip = filter.Ip is null ? null : IpMatch.TryParse(filter.Ip);
        names ??= await NameLookup.ResolveAsync(db, filter, cancellationToken);
        var query = Apply(db, filter, ip, names);
        if (ip?.NeedsExactCheck == true)
        {
            int read = 0, matched = 0;
            await foreach (var address in query.Select(e => e.Ip).Take(CountCap * 4).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                read++;
                if (ip.Matches(address)) matched++;
            }
            return new EventCount(Math.Min(matched, CountCap), matched > CountCap || read == CountCap * 4);
        }
        int count = await query.Take(CountCap + 1).CountAsync(cancellationToken);
        return new EventCount(Math.Min(count, CountCap), count > CountCap);
    }

    /// <summary>Every matching event, newest first, read in pages so memory stays flat during a large export.</summary>
    public static async IAsyncEnumerable<AccessEvent> StreamAsync(IDbContextFactory<AuditDbContext> dbFactory, EventFilter filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EventCursor? cursor = null;
        NameMatches? names = null; // resolved once for the whole export, not once per page
        do
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            names ??= await NameLookup.ResolveAsync(db, filter, cancellationToken);
            var page = await PageAsync(db, filter, EventSort.Newest, cursor, null, MaxPageSize, cancellationToken, names);
            foreach (var e in page.Events) yield return e;
            cursor = page.Next;
        }
        while (cursor is not null);
    }

    public static async Task<AccessEvent?> BySeqAsync(AuditDbContext db, long seq, CancellationToken cancellationToken = default) =>
        await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Seq == seq, cancellationToken);

    /// <param name="names">The stored values the user, client and country filters stand for (<see cref="NameLookup"/>); without them those filters match exactly.</param>
    public static IQueryable<AccessEvent> Apply(AuditDbContext db, EventFilter f, IpMatch? ip, NameMatches? names = null)
    {
        var query = db.Events.AsNoTracking();
        if (f.From is { } from) query = query.Where(e => e.Timestamp >= from);
        if (f.To is { } to) query = query.Where(e => e.Timestamp < to);
        if (f.EventTypes.Count == 1)
        {
            var type = f.EventTypes[0];
            query = query.Where(e => e.EventType == type);
        }
        else if (f.EventTypes.Count > 1)
        {
            var types = f.EventTypes.ToList();
            query = query.Where(e => types.Contains(e.EventType));
        }
        if (f.Outcome is { } outcome) query = query.Where(e => e.Outcome == outcome);
        if (names?.Users is { } users) query = query.Where(e => users.Contains(e.UserId!) || users.Contains(e.Username!));
        else if (f.User is { } user) query = query.Where(e => e.UserId == user || e.Username == user);
        if (names?.Clients is { } clients) query = query.Where(e => clients.Contains(e.ClientId!));
        else if (f.Client is { } client) query = query.Where(e => e.ClientId == client);
        if (f.Session is { } session) query = query.Where(e => e.SessionId == session);
        if (f.Correlation is { } correlation) query = query.Where(e => e.CorrelationId == correlation);
        if (f.Trace is { } trace) query = query.Where(e => e.TraceId == trace);
        if (names?.Countries is { } countries) query = query.Where(e => countries.Contains(e.GeoCountry!));
        else if (f.Country is { } country) query = query.Where(e => e.GeoCountry == country);
        if (f.Source is { } source) query = query.Where(e => e.Source == source);
        if (ip?.Single is { } single)
        {
            var text = single.ToString();
            query = query.Where(e => e.Ip == text);
        }
        else if (ip?.Low is { } low && ip.High is { } high)
        {
            query = query.Where(e => string.Compare(e.Ip, low) >= 0 && string.Compare(e.Ip, high) < 0);
        }
        if (f.Text is { Length: > 0 } text2)
        {
            var like = "%" + text2.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = StoreProvider.For(db).WhereAnyTextLike(query, like);
        }
        return query;
    }

    private static IQueryable<AccessEvent> Ordered(IQueryable<AccessEvent> query, EventCursor? after, bool descending)
    {
        if (after is not null)
        {
            var t = after.Timestamp;
            var s = after.Seq;
            // The first, redundant bound is an index range every engine can seek to; PostgreSQL does not derive it
            // from the OR, and without it scanned the index from the newest entry down to the cursor.
            query = descending
                ? query.Where(e => e.Timestamp <= t && (e.Timestamp < t || (e.Timestamp == t && e.Seq < s)))
                : query.Where(e => e.Timestamp >= t && (e.Timestamp > t || (e.Timestamp == t && e.Seq > s)));
        }
        return descending ? query.OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.Seq) : query.OrderBy(e => e.Timestamp).ThenBy(e => e.Seq);
    }
}
