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

    public static async Task<EventPage> PageAsync(AuditDbContext db, EventFilter filter, EventCursor? after, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var ip = filter.Ip is null ? null : IpMatch.TryParse(filter.Ip);
        var names = await NameLookup.ResolveAsync(db, filter, cancellationToken);
        var results = new List<AccessEvent>(pageSize + 1);
        var cursor = after;
        // Rows outside an unaligned CIDR block are dropped after the index range, so a page may need several reads.
        while (results.Count <= pageSize)
        {
            int want = pageSize + 1 - results.Count;
            var rows = await Newest(Apply(db.Events.AsNoTracking(), filter, ip, names), cursor).Take(want * (ip?.NeedsExactCheck == true ? 4 : 1)).ToListAsync(cancellationToken);
            if (rows.Count == 0) break;
            results.AddRange(ip?.NeedsExactCheck == true ? rows.Where(r => ip.Matches(r.Ip)) : rows);
            cursor = new EventCursor(rows[^1].Timestamp, rows[^1].Seq);
            if (rows.Count < want) break;
        }
        bool more = results.Count > pageSize;
        if (more) results.RemoveRange(pageSize, results.Count - pageSize);
        return new EventPage(results, more ? new EventCursor(results[^1].Timestamp, results[^1].Seq) : null, names.Notes);
    }

    /// <summary>Every matching event, newest first, read in pages so memory stays flat during a large export.</summary>
    public static async IAsyncEnumerable<AccessEvent> StreamAsync(IDbContextFactory<AuditDbContext> dbFactory, EventFilter filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EventCursor? cursor = null;
        do
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var page = await PageAsync(db, filter, cursor, MaxPageSize, cancellationToken);
            foreach (var e in page.Events) yield return e;
            cursor = page.Next;
        }
        while (cursor is not null);
    }

    public static async Task<AccessEvent?> BySeqAsync(AuditDbContext db, long seq, CancellationToken cancellationToken = default) =>
        await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Seq == seq, cancellationToken);

    /// <param name="names">The stored values the user, client and country filters stand for (<see cref="NameLookup"/>); without them those filters match exactly.</param>
    public static IQueryable<AccessEvent> Apply(IQueryable<AccessEvent> query, EventFilter f, IpMatch? ip, NameMatches? names = null)
    {
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
            query = query.Where(e =>
                EF.Functions.Like(e.Username!, like, "\\") || EF.Functions.Like(e.UserId!, like, "\\") ||
                EF.Functions.Like(e.ClientId!, like, "\\") || EF.Functions.Like(e.Ip!, like, "\\") ||
                EF.Functions.Like(e.UserAgent!, like, "\\") || EF.Functions.Like(e.Reason!, like, "\\") ||
                EF.Functions.Like(e.EventId, like, "\\") || EF.Functions.Like(e.SessionId!, like, "\\") ||
                EF.Functions.Like(e.Resource!, like, "\\") || EF.Functions.Like(e.Attributes!, like, "\\"));
        }
        return query;
    }

    private static IQueryable<AccessEvent> Newest(IQueryable<AccessEvent> query, EventCursor? after)
    {
        if (after is not null)
        {
            var t = after.Timestamp;
            var s = after.Seq;
            query = query.Where(e => e.Timestamp < t || (e.Timestamp == t && e.Seq < s));
        }
        return query.OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.Seq);
    }
}
