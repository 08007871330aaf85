using System.Text.Json;
using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Detection;

/// <summary>Privilege or scope escalation: a role or scope change that grants one marked privileged in configuration.</summary>
public sealed class PrivilegeEscalationDetector(IReadOnlyCollection<string> privilegedRoles, IReadOnlyCollection<string> privilegedScopes) : IDetector
{
    public string Name => "privilege_escalation";

    public IEnumerable<AlertCandidate> Observe(AccessEvent e)
    {
        if (e.EventType is not (EventTypes.RoleChanged or EventTypes.ScopeChanged) || e.Outcome == Outcomes.Failure) yield break;
        var roles = e.Roles is null ? [] : JsonSerializer.Deserialize<string[]>(e.Roles) ?? [];
        var scopes = e.Scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var granted = roles.Where(r => privilegedRoles.Contains(r, StringComparer.OrdinalIgnoreCase))
            .Concat(scopes.Where(s => privilegedScopes.Contains(s, StringComparer.OrdinalIgnoreCase))).Distinct().ToList();
        if (granted.Count == 0) yield break;
        var subject = e.UserId ?? e.Username ?? e.ClientId ?? "unknown";
        yield return new AlertCandidate(Name, Severities.High, "user", subject, e.Timestamp, e.Timestamp, [e.Seq],
            $"{e.Username ?? subject} now holds {string.Join(", ", granted)} ({e.EventType} via {e.ClientId ?? e.Source}).",
            [Controls.Cc62, Controls.Cc72, "SOC2 CC6.3", "ISO27001 A.8.2", "ISO27001 A.5.18"]);
    }
}
