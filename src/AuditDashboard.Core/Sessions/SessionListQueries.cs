using AuditDashboard.Core.Explorer;
using AuditDashboard.Core.Overview;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Sessions;

/// <summary>
/// The sessions list, answered from the session aggregates: keyset-paginated in each order (an index per order), so
/// a page deep in the list costs what the first does.
/// </summary>
public static class SessionListQueries
{
    public const int MaxPageSize = 200;
    /// <summary>Sessions an IP filter may stand for before the page says to narrow it.</summary>
    public const int MaxIpSessions = 5000;

    public static async Task<SessionPage> PageAsync(AuditDbContext db, Aggregator aggregator, SessionFilter f, SessionCursor? after, int pageSize,
        CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await aggregator.CatchUpAsync(cancellationToken);
        var notes = new List<string>();
        var names = await NameLookup.ResolveAsync(db, new EventFilter { User = f.User, Client = f.Client }, cancellationToken);
        notes.AddRange(names.Notes);
        var q = db.SessionAggregates.AsNoTracking();
        if (f.From is { } from) q = q.Where(s => s.LastSeen >= from);
        if (f.To is { } to) q = q.Where(s => s.FirstSeen < to);
        if (names.Users is { } users) q = q.Where(s => users.Contains(s.UserId!) || users.Contains(s.Username!));
        if (names.Clients is { } clients) q = q.Where(s => clients.Contains(s.ClientId!));
        if (f.WithFailures) q = q.Where(s => s.Failures > 0);
        if (f.Spread) q = q.Where(s => s.DistinctCountries > 1 || s.DistinctNetworks > 1);
        if (f.Ip is not null && IpMatch.TryParse(f.Ip) is { } ip)
        {
            var values = db.SessionValues.AsNoTracking().Where(v => v.Kind == SessionValue.Ip);
            if (ip.Single is { } single)
            {
                var text = single.ToString();
                values = values.Where(v => v.Value == text);
            }
            else values = values.Where(v => string.Compare(v.Value, ip.Low) >= 0 && string.Compare(v.Value, ip.High) < 0);
            var found = await values.Select(v => new { v.SessionId, v.Value }).Take(MaxIpSessions + 1).ToListAsync(cancellationToken);
            if (found.Count > MaxIpSessions) notes.Add($"'{f.Ip}' was seen in more than {MaxIpSessions:N0} sessions; the first {MaxIpSessions:N0} are listed. Narrow the block or the time range.");
            var ids = found.Take(MaxIpSessions).Where(v => !ip.NeedsExactCheck || ip.Matches(v.Value)).Select(v => v.SessionId).Distinct().ToList();
            q = q.Where(s => ids.Contains(s.SessionId));
        }

        var rows = await Ordered(q, f.Sort, after).Take(pageSize + 1).ToListAsync(cancellationToken);
        bool more = rows.Count > pageSize;
        if (more) rows.RemoveAt(pageSize);
        var pageIds = rows.Select(s => s.SessionId).ToList();
        var flagged = (await db.Alerts.AsNoTracking().Where(a => a.SubjectKind == "session" && pageIds.Contains(a.Subject)).Select(a => a.Subject).Distinct()
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var summaries = rows.Select(s => new SessionSummary(s.SessionId, s.UserId, s.Username, s.ClientId, s.FirstSeen, s.LastSeen,
            (int)s.Events, s.DistinctIps, s.DistinctCountries, (int)s.Failures, s.DistinctNetworks)).ToList();
        return new SessionPage(summaries, more ? new SessionCursor(Key(rows[^1], f.Sort), rows[^1].SessionId) : null, flagged, notes);
    }

    private static long Key(SessionAggregate s, SessionSort sort) => sort switch
    {
        SessionSort.FirstSeen => s.FirstSeen.Ticks,
        SessionSort.Events => s.Events,
        SessionSort.Failures => s.Failures,
        _ => s.LastSeen.Ticks,
    };

    private static IQueryable<SessionAggregate> Ordered(IQueryable<SessionAggregate> q, SessionSort sort, SessionCursor? after)
    {
        string? id = after?.SessionId;
        long key = after?.Key ?? 0;
        // Each keyset condition starts with a plain bound so every engine seeks its index there (see EventQueries).
        switch (sort)
        {
            case SessionSort.FirstSeen:
                var first = new DateTime(Math.Clamp(key, 0, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
                if (id is not null) q = q.Where(s => s.FirstSeen <= first && (s.FirstSeen < first || (s.FirstSeen == first && string.Compare(s.SessionId, id) < 0)));
                return q.OrderByDescending(s => s.FirstSeen).ThenByDescending(s => s.SessionId);
            case SessionSort.Events:
                if (id is not null) q = q.Where(s => s.Events <= key && (s.Events < key || (s.Events == key && string.Compare(s.SessionId, id) < 0)));
                return q.OrderByDescending(s => s.Events).ThenByDescending(s => s.SessionId);
            case SessionSort.Failures:
                if (id is not null) q = q.Where(s => s.Failures <= key && (s.Failures < key || (s.Failures == key && string.Compare(s.SessionId, id) < 0)));
                return q.OrderByDescending(s => s.Failures).ThenByDescending(s => s.SessionId);
            default:
                var last = new DateTime(Math.Clamp(key, 0, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
                if (id is not null) q = q.Where(s => s.LastSeen <= last && (s.LastSeen < last || (s.LastSeen == last && string.Compare(s.SessionId, id) < 0)));
                return q.OrderByDescending(s => s.LastSeen).ThenByDescending(s => s.SessionId);
        }
    }
}
