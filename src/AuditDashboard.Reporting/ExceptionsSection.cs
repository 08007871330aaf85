using System.Globalization;
using AuditDashboard.Reporting.Layout;
using AuditDashboard.Reporting.Model;

namespace AuditDashboard.Reporting;

/// <summary>A control's exceptions: the alerts, then management's response to each (every triage step with its note).</summary>
internal static class ExceptionsSection
{
    private const int MaxRows = 60;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(PdfFlow flow, ControlSection c)
    {
        flow.Heading("Exceptions", 11);
        if (c.Exceptions.Count == 0)
        {
            flow.Paragraph("No alert from these detectors touched the period.");
            return;
        }
        var shown = c.Exceptions.Take(MaxRows).ToList();
        flow.Table(
            [new("Alert", 1, AlignRight: true), new("Detector", 2.4), new("Severity", 1.3), new("Subject", 3), new("Window start (UTC)", 2), new("Status", 1.5),
             new("Triaged by", 2), new("Time to triage", 1.4, AlignRight: true)],
            shown.Select(e => (IReadOnlyList<string?>)[
                e.AlertId.ToString(Invariant), e.Detector, e.Severity, e.Subject, e.WindowStart.ToString("yyyy-MM-dd HH:mm", Invariant), e.Status,
                e.TriagedBy ?? "—", e.TimeToTriage is { } t ? Duration(t) : "not triaged"]));
        if (c.Exceptions.Count > MaxRows)
            flow.Paragraph($"…and {c.Exceptions.Count - MaxRows} more; every exception is in the CSV evidence bundle (exceptions.csv).", flow.Small);

        flow.Heading("Management's response", 11);
        var answered = shown.Where(e => e.History.Count > 0).ToList();
        if (answered.Count == 0)
        {
            flow.Paragraph("No exception has been triaged yet: none has a recorded response.", flow.Small);
            return;
        }
        flow.Table([new("Alert", 1, AlignRight: true), new("When (UTC)", 2), new("Who", 2), new("Status", 2.6), new("Note", 7)],
            answered.SelectMany(e => e.History.Select(h => (IReadOnlyList<string?>)[
                e.AlertId.ToString(Invariant), h.At.ToString("yyyy-MM-dd HH:mm", Invariant), h.Actor, $"{h.From ?? "—"} → {h.To}", h.Note ?? "—"])),
            maxLines: 10);
        int silent = shown.Count - answered.Count;
        if (silent > 0) flow.Paragraph($"{silent} of these exceptions have no triage step yet.", flow.Small);
    }

    private static string Duration(TimeSpan t) => t.TotalHours >= 48 ? $"{t.TotalDays.ToString("F1", Invariant)} d" : t.TotalMinutes >= 90 ? $"{t.TotalHours.ToString("F1", Invariant)} h" : $"{t.TotalMinutes.ToString("F0", Invariant)} min";
}
