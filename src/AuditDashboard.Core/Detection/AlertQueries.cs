using System.Text.Json;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Detection;

public static class AlertQueries
{
    /// <summary>The queue: newest window end first, at most <paramref name="limit"/>.</summary>
    public static async Task<List<Alert>> ListAsync(AuditDbContext db, AlertFilter f, int limit, CancellationToken cancellationToken = default)
    {
        var query = db.Alerts.AsNoTracking();
        if (!string.IsNullOrEmpty(f.Status)) query = query.Where(a => a.Status == f.Status);
        if (!string.IsNullOrEmpty(f.Detector)) query = query.Where(a => a.Detector == f.Detector);
        if (!string.IsNullOrEmpty(f.Severity)) query = query.Where(a => a.Severity == f.Severity);
        if (f.Assignee == AlertFilter.Unassigned) query = query.Where(a => a.Assignee == null);
        else if (!string.IsNullOrEmpty(f.Assignee)) query = query.Where(a => a.Assignee == f.Assignee);
        if (f.From is { } from) query = query.Where(a => a.WindowEnd >= from);
        if (f.To is { } to) query = query.Where(a => a.WindowStart < to);
        return await query.OrderByDescending(a => a.WindowEnd).ThenByDescending(a => a.Id).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>Everyone an alert is assigned to, for the assignee filter.</summary>
    public static Task<List<string>> AssigneesAsync(AuditDbContext db, CancellationToken cancellationToken = default) =>
        db.Alerts.Where(a => a.Assignee != null).Select(a => a.Assignee!).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);

    /// <summary>Successful sign-ins in the range, and how many of them carry a country of their own.</summary>
    public static async Task<(int WithGeo, int Total)> SignInGeoCoverageAsync(AuditDbContext db, DateTime from, DateTime to, CancellationToken cancellationToken = default)
    {
        var signIns = db.Events.Where(e => e.EventType == EventTypes.LoginSuccess && e.Timestamp >= from && e.Timestamp < to);
        return (await signIns.CountAsync(e => e.GeoCountry != null, cancellationToken), await signIns.CountAsync(cancellationToken));
    }

    /// <summary>Alerts about a session: its own, and those whose evidence includes one of its events.</summary>
    public static async Task<List<Alert>> ForEventsAsync(AuditDbContext db, string sessionId, IReadOnlyCollection<long> seqs, DateTime from, DateTime to, CancellationToken cancellationToken = default)
    {
        var candidates = await db.Alerts.AsNoTracking()
            .Where(a => a.Subject == sessionId || (a.WindowEnd >= from && a.WindowStart <= to))
            .ToListAsync(cancellationToken);
        var set = seqs.ToHashSet();
        return candidates.Where(a => a.Subject == sessionId || JsonSerializer.Deserialize<long[]>(a.Evidence)!.Any(set.Contains))
            .OrderByDescending(a => a.WindowEnd).ToList();
    }

    /// <summary>Open alerts per severity whose window touches the range.</summary>
    public static async Task<Dictionary<string, int>> OpenBySeverityAsync(AuditDbContext db, DateTime from, DateTime to, CancellationToken cancellationToken = default) =>
        await db.Alerts.AsNoTracking()
            .Where(a => a.Status == AlertStatuses.Open && a.WindowEnd >= from && a.WindowStart < to)
            .GroupBy(a => a.Severity).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
}
