using AuditDashboard.Core.Events;
using AuditDashboard.Core.Explorer;
using AuditDashboard.Core.Geo;
using AuditDashboard.Core.Overview;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Sessions;

public static class SessionQueries
{
    public const int MaxSessions = 500;

    /// <summary>
    /// Sessions with at least one event matching the filter, most recently active first, with whole-session figures
    /// from the session aggregates. A filter on time, user, client or session alone is answered from the aggregates
    /// directly; any other filter first finds the matching sessions among the events.
    /// </summary>
    public static async Task<List<SessionSummary>> ListAsync(AuditDbContext db, Aggregator aggregator, EventFilter filter, int limit = 200, CancellationToken cancellationToken = default)
    {
        limit = Math.Clamp(limit, 1, MaxSessions);
        await aggregator.CatchUpAsync(cancellationToken);
        var sessions = db.SessionAggregates.AsNoTracking();
        var names = await NameLookup.ResolveAsync(db, filter, cancellationToken);
        bool simple = filter.EventTypes.Count == 0 && filter.Outcome is null && filter.Correlation is null && filter.Trace is null
                      && filter.Ip is null && filter.Country is null && filter.Source is null && filter.Text is null;
        if (simple)
        {
            if (filter.From is { } from) sessions = sessions.Where(s => s.LastSeen >= from);
            if (filter.To is { } to) sessions = sessions.Where(s => s.FirstSeen < to);
            if (names.Users is { } users) sessions = sessions.Where(s => users.Contains(s.UserId!) || users.Contains(s.Username!));
            if (names.Clients is { } clients) sessions = sessions.Where(s => clients.Contains(s.ClientId!));
            if (filter.Session is { } session) sessions = sessions.Where(s => s.SessionId == session);
        }
        else
        {
            var ip = filter.Ip is null ? null : IpMatch.TryParse(filter.Ip);
            var matching = EventQueries.Apply(db, filter, ip, names).Where(e => e.SessionId != null);
            if (ip?.NeedsExactCheck == true)
            {
                var candidates = await matching.Select(e => new { e.SessionId, e.Ip }).ToListAsync(cancellationToken);
                var ids = candidates.Where(c => ip.Matches(c.Ip)).Select(c => c.SessionId!).Distinct().ToList();
                sessions = sessions.Where(s => ids.Contains(s.SessionId));
            }
            else
            {
                var ids = await matching.GroupBy(e => e.SessionId!).Select(g => new { Id = g.Key, Last = g.Max(e => e.Timestamp) })
                    .OrderByDescending(x => x.Last).Take(limit).Select(x => x.Id).ToListAsync(cancellationToken);
                sessions = sessions.Where(s => ids.Contains(s.SessionId));
            }
        }
        var rows = await sessions.OrderByDescending(s => s.LastSeen).Take(limit).ToListAsync(cancellationToken);
        return rows.Select(s => new SessionSummary(s.SessionId, s.UserId, s.Username, s.ClientId, s.FirstSeen, s.LastSeen,
            (int)s.Events, s.DistinctIps, s.DistinctCountries, (int)s.Failures)).ToList();
    }

    /// <summary>The session trace, or null when no event carries this session id.</summary>
    public static async Task<SessionTrace?> TraceAsync(AuditDbContext db, string sessionId, CancellationToken cancellationToken = default)
    {
        var own = await db.Events.AsNoTracking().Where(e => e.SessionId == sessionId).ToListAsync(cancellationToken);
        if (own.Count == 0) return null;
        var all = own.ToDictionary(e => e.Seq);
        var why = new Dictionary<long, string>();

        void AddRange(IEnumerable<AccessEvent> events, string reason)
        {
            foreach (var e in events)
            {
                if (all.TryAdd(e.Seq, e)) why[e.Seq] = reason;
            }
        }

        var correlations = own.Select(e => e.CorrelationId).OfType<string>().Distinct().ToList();
        foreach (var chunk in correlations.Chunk(500))
        {
            var ids = chunk.ToList();
            AddRange(await db.Events.AsNoTracking().Where(e => ids.Contains(e.CorrelationId!)).ToListAsync(cancellationToken), "same correlation id");
        }
        var traces = own.Select(e => e.TraceId).OfType<string>().Distinct().ToList();
        foreach (var chunk in traces.Chunk(500))
        {
            var ids = chunk.ToList();
            AddRange(await db.Events.AsNoTracking().Where(e => ids.Contains(e.TraceId!)).ToListAsync(cancellationToken), "same trace id");
        }

        // Tokens issued in the session, then their refresh descendants, wherever they were used.
        var tokens = own.Where(e => e.TokenId is not null && e.EventType is EventTypes.TokenIssued or EventTypes.TokenRefreshed)
            .Select(e => e.TokenId!).ToHashSet();
        var frontier = tokens.ToList();
        for (int depth = 0; depth < 1000 && frontier.Count > 0; depth++)
        {
            var next = new List<string>();
            foreach (var chunk in frontier.Chunk(500))
            {
                var ids = chunk.ToList();
                var children = await db.Events.AsNoTracking().Where(e => ids.Contains(e.ParentTokenId!)).ToListAsync(cancellationToken);
                AddRange(children, "issued from a token of this session");
                foreach (var child in children)
                {
                    if (child.TokenId is not null && tokens.Add(child.TokenId)) next.Add(child.TokenId);
                }
            }
            frontier = next;
        }
        foreach (var chunk in tokens.Chunk(500))
        {
            var ids = chunk.ToList();
            AddRange(await db.Events.AsNoTracking().Where(e => ids.Contains(e.TokenId!)).ToListAsync(cancellationToken), "uses a token of this session");
        }

        var ordered = all.Values.OrderBy(e => e.Timestamp).ThenBy(e => e.Seq).ToList();
        var changes = Changes(ordered.Where(e => e.SessionId == sessionId));
        var timeline = ordered.Select(e => new TraceEntry(e, e.SessionId == sessionId, changes.GetValueOrDefault(e.Seq), why.GetValueOrDefault(e.Seq))).ToList();
        return new SessionTrace(sessionId, timeline, TokenChains(ordered, tokens), own.Count, all.Count - own.Count);
    }

    /// <summary>
    /// Where IP, network (ASN), country or user agent differ from the session's previous event as seen by the same
    /// source over the same channel. A provider sees the user's browser at its authorization endpoint but the client's
    /// server at its token endpoint, and an API sees the server that calls it: comparing across those would flag
    /// every session of every confidential client, so token-endpoint events are compared only with each other.
    /// </summary>
    public static Dictionary<long, string> Changes(IEnumerable<AccessEvent> sessionEvents)
    {
        var changes = new Dictionary<long, string>();
        var previousBy = new Dictionary<(string Source, bool TokenEndpoint), AccessEvent>();
        foreach (var e in sessionEvents)
        {
            var channel = (e.Source, e.EventType is EventTypes.TokenIssued or EventTypes.TokenRefreshed or EventTypes.TokenRevoked or EventTypes.TokenIntrospected);
            if (previousBy.TryGetValue(channel, out var previous))
            {
                var parts = new List<string>();
                if (e.Ip is not null && previous.Ip is not null && e.Ip != previous.Ip) parts.Add($"IP {previous.Ip} → {e.Ip}");
                if (e.GeoAsn is not null && previous.GeoAsn is not null && e.GeoAsn != previous.GeoAsn) parts.Add($"network AS{previous.GeoAsn} → AS{e.GeoAsn}");
                if (e.GeoCountry is not null && previous.GeoCountry is not null && Countries.Normalize(e.GeoCountry) != Countries.Normalize(previous.GeoCountry))
                    parts.Add($"country {previous.GeoCountry} → {e.GeoCountry}");
                if (e.UserAgent is not null && previous.UserAgent is not null && e.UserAgent != previous.UserAgent) parts.Add("user agent changed");
                if (parts.Count > 0) changes[e.Seq] = string.Join(", ", parts);
            }
            if (e.Ip is not null || e.UserAgent is not null) previousBy[channel] = e;
        }
        return changes;
    }

    private static List<TokenChain> TokenChains(List<AccessEvent> events, HashSet<string> tokens)
    {
        var byToken = events.Where(e => e.TokenId is not null && tokens.Contains(e.TokenId)).GroupBy(e => e.TokenId!).ToDictionary(g => g.Key, g => g.ToList());
        var parentOf = new Dictionary<string, string?>();
        foreach (var (token, list) in byToken)
        {
            var issue = list.FirstOrDefault(e => e.EventType is EventTypes.TokenIssued or EventTypes.TokenRefreshed);
            parentOf[token] = issue?.ParentTokenId;
        }

        TokenChain Build(string token, int depth)
        {
            var list = byToken.GetValueOrDefault(token) ?? [];
            var issue = list.FirstOrDefault(e => e.EventType is EventTypes.TokenIssued or EventTypes.TokenRefreshed);
            var revoked = list.Where(e => e.EventType == EventTypes.TokenRevoked).Select(e => (DateTime?)e.Timestamp).Min();
            var expired = list.Where(e => e.EventType == EventTypes.TokenExpired).Select(e => (DateTime?)e.Timestamp).Min();
            var uses = list.Where(e => e.EventType is EventTypes.TokenValidated or EventTypes.ResourceAccess or EventTypes.TokenIntrospected).ToList();
            var children = depth > 100 ? [] : parentOf.Where(p => p.Value == token).Select(p => Build(p.Key, depth + 1)).OrderBy(c => c.IssuedAt).ToList();
            return new TokenChain(token, issue?.TokenType ?? list.Select(e => e.TokenType).FirstOrDefault(t => t is not null), issue?.Timestamp,
                issue?.ParentTokenId, children, uses.Count(e => e.EventType == EventTypes.TokenValidated), revoked, expired,
                revoked is { } r && uses.Any(u => u.Timestamp > r));
        }

        return parentOf.Where(p => p.Value is null || !tokens.Contains(p.Value))
            .Select(p => Build(p.Key, 0))
            .Where(c => c.TokenType != TokenTypes.AuthorizationCode || c.Children.Count > 0)
            .OrderBy(c => c.IssuedAt)
            .ToList();
    }
}
