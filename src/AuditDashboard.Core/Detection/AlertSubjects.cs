using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Detection;

/// <summary>
/// Alerts name users by the account key (an opaque provider id such as 00u1abc…); people need the name. The latest
/// username each id was seen with is read from the events (one index lookup per user, a bounded number of them).
/// </summary>
public static class AlertSubjects
{
    public const int MaxLookups = 200;

    public static async Task<Dictionary<string, string>> UserNamesAsync(AuditDbContext db, IEnumerable<Alert> alerts, CancellationToken cancellationToken = default)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in alerts.Where(a => a.SubjectKind == "user").Select(a => a.Subject).Distinct().Take(MaxLookups))
        {
            var name = await db.Events.AsNoTracking().Where(e => e.UserId == id && e.Username != null)
                .OrderByDescending(e => e.Timestamp).Select(e => e.Username).FirstOrDefaultAsync(cancellationToken);
            if (name is not null && name != id) names[id] = name;
        }
        return names;
    }

    /// <summary>"maya.garcia@acme.example (00u1abc)" for a user whose name is known, else the subject as stored.</summary>
    public static string Describe(Alert a, IReadOnlyDictionary<string, string> names) =>
        a.SubjectKind == "user" && names.TryGetValue(a.Subject, out var name) ? $"{name} ({a.Subject})" : a.Subject;
}
