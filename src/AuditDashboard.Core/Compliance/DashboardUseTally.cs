using AuditDashboard.Core.Events;
using AuditDashboard.Reporting.Model;

namespace AuditDashboard.Core.Compliance;

/// <summary>The dashboard's own events of the period, per person: the report's "use of this dashboard" section.</summary>
internal sealed class DashboardUseTally
{
    private const int MaxPeople = 500;
    private readonly Dictionary<string, DashboardUseRow> _people = new(StringComparer.Ordinal);

    public long Events { get; private set; }

    public void Offer(EventFacts e)
    {
        Events++;
        var person = e.Username ?? e.User ?? "(unknown)";
        if (!_people.TryGetValue(person, out var row))
        {
            if (_people.Count >= MaxPeople) return; // bounded; the event count above still includes them
            row = new DashboardUseRow(person, 0, 0, 0, 0, 0, e.Timestamp, e.Timestamp);
        }
        var action = DashboardActions.Of(e.EventType, e.DashboardAttributes);
        row = action switch
        {
            DashboardActions.SignIn when e.Outcome == Outcomes.Failure => row with { FailedSignIns = row.FailedSignIns + 1 },
            DashboardActions.SignIn => row with { SignIns = row.SignIns + 1 },
            DashboardActions.Triage => row with { Triage = row.Triage + 1 },
            _ when DashboardActions.IsExport(action) => row with { Exports = row.Exports + 1 },
            DashboardActions.SignOut => row,
            _ => row with { Other = row.Other + 1 },
        };
        _people[person] = row with { First = e.Timestamp < row.First ? e.Timestamp : row.First, Last = e.Timestamp > row.Last ? e.Timestamp : row.Last };
    }

    public List<DashboardUseRow> Rows() => [.. _people.Values.OrderBy(r => r.Person, StringComparer.Ordinal)];
}
