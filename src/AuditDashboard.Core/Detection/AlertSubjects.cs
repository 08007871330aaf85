using AuditDashboard.Core.Storage;

namespace AuditDashboard.Core.Detection;

/// <summary>Alerts name users by the account key; people need the name (<see cref="Explorer.UserNames"/>).</summary>
public static class AlertSubjects
{
    public static Task<Dictionary<string, string>> UserNamesAsync(AuditDbContext db, IEnumerable<Alert> alerts, CancellationToken cancellationToken = default) =>
        Explorer.UserNames.ForAsync(db, alerts.Where(a => a.SubjectKind == "user").Select(a => a.Subject), cancellationToken);

    /// <summary>"maya.garcia@acme.example (00u1abc)" for a user whose name is known, else the subject as stored.</summary>
    public static string Describe(Alert a, IReadOnlyDictionary<string, string> names) =>
        a.SubjectKind == "user" && names.TryGetValue(a.Subject, out var name) ? $"{name} ({a.Subject})" : a.Subject;
}
