using System.Globalization;
using AuditDashboard.Reporting.Layout;
using AuditDashboard.Reporting.Model;

namespace AuditDashboard.Reporting;

/// <summary>
/// Who used this dashboard in the period and how (CC4.1 reviews, CC6.7 exports, A.5.28 collection of evidence):
/// kept apart from the identity providers' activity, which the rest of the report counts.
/// </summary>
internal static class DashboardUseSection
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(PdfFlow flow, ReportModel model)
    {
        flow.Paragraph("The dashboard records its own use in the same tamper-evident chain (source auditdashboard): sign-ins, exports of " +
            "evidence, report downloads, alert triage and imports. These events are evidence of review (SOC 2 CC4.1, CC6.7; ISO/IEC 27001 " +
            "A.5.28) and are counted here only: the summary, the feed's completeness and every other population leave them out.");
        if (model.DashboardUse.Count == 0)
        {
            flow.Paragraph(model.Scope.StartsWith("all", StringComparison.Ordinal)
                ? "Nobody used the dashboard in the period."
                : "The report's scope leaves out the dashboard's own events, or nobody used the dashboard in the period.");
            return;
        }
        flow.Table(
            [new("Person", 3), new("Sign-ins", 1, AlignRight: true), new("Failed sign-ins", 1.2, AlignRight: true), new("Exports and downloads", 1.4, AlignRight: true),
             new("Triage actions", 1.2, AlignRight: true), new("Other actions", 1.1, AlignRight: true), new("First (UTC)", 2), new("Last (UTC)", 2)],
            model.DashboardUse.Select(r => (IReadOnlyList<string?>)[r.Person, N(r.SignIns), N(r.FailedSignIns), N(r.Exports), N(r.Triage), N(r.Other),
                r.First.ToString("yyyy-MM-dd HH:mm", Invariant), r.Last.ToString("yyyy-MM-dd HH:mm", Invariant)]));
    }

    private static string N(long n) => n.ToString("N0", Invariant);
}
