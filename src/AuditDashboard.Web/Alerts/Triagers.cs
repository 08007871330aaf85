using AuditDashboard.Core.Storage;
using AuditDashboard.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Web.Alerts;

/// <summary>Whom an alert can be assigned to: people who have signed in with a role that may triage.</summary>
public static class Triagers
{
    public const int Max = 200;

    public static Task<List<string>> ListAsync(AuditDbContext db, CancellationToken cancellationToken = default) =>
        db.DashboardSessions.AsNoTracking()
            .Where(s => s.Roles.Contains(Roles.SecurityAnalyst) || s.Roles.Contains(Roles.Administrator))
            .Select(s => s.UserName).Distinct().OrderBy(n => n).Take(Max).ToListAsync(cancellationToken);
}
