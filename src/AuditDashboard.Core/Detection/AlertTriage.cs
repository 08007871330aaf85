using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Detection;

/// <summary>Triage: status, assignee and notes change only through here, and every change is appended to the history.</summary>
public static class AlertTriage
{
    public sealed record Change(long AlertId, string? FromStatus, string ToStatus, string? Assignee, string? Note);

    /// <summary>An alert the change was not applied to, and why (<see cref="AlertTransitions"/>).</summary>
    public sealed record Skip(long AlertId, string Status, string Reason);

    public sealed record Result(List<Change> Changed, List<Skip> Skipped)
    {
        public string Describe() => Skipped.Count == 0 ? "" :
            $"{Skipped.Count} skipped: " + string.Join("; ", Skipped.Take(5).Select(s => $"alert {s.AlertId}: {s.Reason}")) + (Skipped.Count > 5 ? "; …" : "");
    }

    /// <summary>
    /// Applies one change to each alert the transition rules allow; returns what changed and what was skipped (an
    /// alert already in that state with no note is left alone, and not reported).
    /// </summary>
    public static async Task<Result> ApplyAsync(AuditDbContext db, IReadOnlyCollection<long> alertIds, string toStatus, string? assignee, string? note,
        string actor, DateTime now, CancellationToken cancellationToken = default)
    {
        if (!AlertStatuses.All.Contains(toStatus)) throw new ArgumentException($"'{toStatus}' is not an alert status; use {string.Join(", ", AlertStatuses.All)}", nameof(toStatus));
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > 4000 }) throw new ArgumentException("a note is at most 4000 characters", nameof(note));
        assignee = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim();
        var ids = alertIds.ToList();
        var alerts = await db.Alerts.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        var changes = new List<Change>();
        var skipped = new List<Skip>();
        foreach (var alert in alerts)
        {
            if (AlertTransitions.Problem(alert.Status, toStatus, note) is { } problem)
            {
                skipped.Add(new Skip(alert.Id, alert.Status, problem));
                continue;
            }
            bool statusChanges = alert.Status != toStatus;
            bool assigneeChanges = assignee is not null && alert.Assignee != assignee;
            if (!statusChanges && !assigneeChanges && note is null) continue;
            var from = alert.Status;
            alert.Status = toStatus;
            if (assignee is not null) alert.Assignee = assignee;
            db.AlertHistory.Add(new AlertHistory
            {
                AlertId = alert.Id, At = now, Actor = actor, FromStatus = from, ToStatus = toStatus,
                Note = assigneeChanges ? $"assigned to {assignee}" + (note is null ? "" : ": " + note) : note,
            });
            changes.Add(new Change(alert.Id, from, toStatus, alert.Assignee, note));
        }
        await db.SaveChangesAsync(cancellationToken);
        return new Result(changes, skipped);
    }
}
