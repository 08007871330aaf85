using AuditDashboard.Core.Events;
using AuditDashboard.Core.Storage;
using AuditDashboard.Reporting.Model;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Overview;

/// <summary>The overview's "use of this dashboard" panel, from the daily aggregate (whole UTC days).</summary>
public static class DashboardUseQueries
{
    public const int MaxPeople = 20;

    /// <summary>Per person, most active first; the period is taken in whole days.</summary>
    public static async Task<List<DashboardUseRow>> LoadAsync(AuditDbContext db, DateTime from, DateTime to, CancellationToken cancellationToken = default)
    {
        var firstDay = from.Date;
        var rows = await db.DashboardUse.AsNoTracking().Where(u => u.Day >= firstDay && u.Day < to)
            .GroupBy(u => new { u.Person, u.Action, u.Outcome })
            .Select(g => new { g.Key.Person, g.Key.Action, g.Key.Outcome, Count = g.Sum(u => u.Count), First = g.Min(u => u.Day), Last = g.Max(u => u.Day) })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Person).Select(p => new DashboardUseRow(p.Key,
                SignIns: p.Where(r => r.Action == DashboardActions.SignIn && r.Outcome != Outcomes.Failure).Sum(r => r.Count),
                FailedSignIns: p.Where(r => r.Action == DashboardActions.SignIn && r.Outcome == Outcomes.Failure).Sum(r => r.Count),
                Exports: p.Where(r => DashboardActions.IsExport(r.Action)).Sum(r => r.Count),
                Triage: p.Where(r => r.Action == DashboardActions.Triage).Sum(r => r.Count),
                Other: p.Where(r => r.Action is not (DashboardActions.SignIn or DashboardActions.SignOut or DashboardActions.Triage) && !DashboardActions.IsExport(r.Action)).Sum(r => r.Count),
                First: p.Min(r => r.First), Last: p.Max(r => r.Last)))
            .OrderByDescending(r => r.SignIns + r.FailedSignIns + r.Exports + r.Triage + r.Other).ThenBy(r => r.Person, StringComparer.Ordinal)
            .Take(MaxPeople).ToList();
    }
}
