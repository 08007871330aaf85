namespace AuditDashboard.Core.Detection;

/// <summary>
/// Which status an alert may move to. Resolved and false positive are decisions: they need a note, and only reopening
/// (with a note saying why) takes an alert out of them, so no bulk action can undo a decision by accident.
/// </summary>
public static class AlertTransitions
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [AlertStatuses.Open] = [AlertStatuses.Acknowledged, AlertStatuses.Resolved, AlertStatuses.FalsePositive],
        [AlertStatuses.Acknowledged] = [AlertStatuses.Open, AlertStatuses.Resolved, AlertStatuses.FalsePositive],
        [AlertStatuses.Resolved] = [AlertStatuses.Open],
        [AlertStatuses.FalsePositive] = [AlertStatuses.Open],
    };

    /// <summary>The statuses an alert in <paramref name="from"/> may move to (not counting staying where it is).</summary>
    public static IReadOnlyList<string> From(string from) => Allowed.TryGetValue(from, out var to) ? to : [];

    /// <summary>Null when the move is allowed with this note; else why not, in words a user reads.</summary>
    public static string? Problem(string from, string to, string? note)
    {
        if (from == to) return null;
        if (!From(from).Contains(to))
            return from is AlertStatuses.Resolved or AlertStatuses.FalsePositive
                ? $"it is {Label(from)}: a decision is only undone by reopening it, with a note"
                : $"an alert that is {Label(from)} cannot become {Label(to)}";
        bool decision = to is AlertStatuses.Resolved or AlertStatuses.FalsePositive;
        bool reopening = from is AlertStatuses.Resolved or AlertStatuses.FalsePositive;
        if ((decision || reopening) && string.IsNullOrWhiteSpace(note))
            return decision ? $"marking it {Label(to)} needs a note saying why" : "reopening a decided alert needs a note saying why";
        return null;
    }

    public static string Label(string status) => status == AlertStatuses.FalsePositive ? "a false positive" : status;
}
