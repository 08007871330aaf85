using AuditDashboard.Reporting.Model;

namespace AuditDashboard.Core.Compliance;

/// <summary>The fixed text of every report: how the evidence was gathered, and the words it uses.</summary>
public static class ReportTexts
{
    public static IReadOnlyList<string> Methodology { get; } =
    [
        "Source of evidence. Every figure comes from the AuditDashboard event store: access events reported by the identity providers, " +
        "resource servers and the dashboard itself, each stored once per (source, event id), append-only, and linked into a SHA-256 hash " +
        "chain. Times are UTC; the period includes its start and excludes its end.",
        "Populations. A control's population is the set of events its catalog entry names (event types, and where given outcomes and " +
        "sources) within the period and the report's scope. The query is printed in words with each population, and the same filter " +
        "reproduces it in the dashboard's events explorer and its CSV export. Sizes per source show where the evidence comes from.",
        "Completeness. For every source in scope the report lists the days of the period on which it sent no event at all, and the " +
        "median and largest difference between the source's timestamp and the time AuditDashboard received the event (clock skew and " +
        "delivery delay). A silent day is not proof of a gap, but it is where an auditor should ask.",
        "Exceptions. The detectors (docs/detection.md) raise alerts; an alert is an exception to each control whose catalog entry lists " +
        "its detector. Every alert whose window touches the period is listed with its status at generation time. Time to triage runs " +
        "from the first detection to the first status change made by a person; the full history of every alert is kept append-only.",
        "Samples. For each control a reproducible sample is drawn from its first population by the method below, so that an auditor can " +
        "draw the same events again from the seed and inspect them in the dashboard or the evidence bundle.",
        "Integrity. The whole chain, from seq 1 to the head, is verified when the report is generated. The head hash printed in the " +
        "attestation fixes the evidence: recomputing it later and finding the same value shows that nothing up to it has changed.",
        "What this report is not. It presents evidence and its exceptions; it does not conclude on the design or operating effectiveness " +
        "of any control. Controls that access logs cannot demonstrate are listed as out of scope.",
    ];

    public static IReadOnlyList<GlossaryEntry> Glossary { get; } =
    [
        new("Access event", "One thing that happened to an identity or token: a sign-in, a token issued, refreshed, validated or revoked, a role change, a dashboard access…"),
        new("Source", "Who reported an event: an identity provider tenant, a resource server's collector, or AuditDashboard itself."),
        new("seq", "The event's position in the store's hash chain; it never changes and never repeats."),
        new("Hash chain", "Each event's SHA-256 covers its canonical form and the previous event's hash, so changing, removing, inserting or reordering any event breaks every hash after it."),
        new("Chain head", "The hash of the last event verified; it fixes everything before it."),
        new("Population", "The events a control's evidence is drawn from, defined by the control catalog."),
        new("Exception", "An alert raised by a detector that bears on the control, whatever its triage status."),
        new("Triage", "A person's decision on an alert: acknowledged, resolved or false positive, with who, when and a note."),
        new("Clock skew", "Receipt time minus the source's own timestamp; large values mean a wrong clock or a delayed feed."),
        new("Silent day", "A day of the period on which a source sent no event."),
        new("Sample seed", "The number that, with the method in the Methodology section, picks the sample; the same seed picks the same events."),
        new("SOC 2 CCx.y", "A common criterion of the AICPA Trust Services Criteria (2017, revised points of focus 2022); titles here are paraphrases."),
        new("ISO 27001 A.x.y", "An Annex A control of ISO/IEC 27001:2022, with its 2013 equivalents where they exist."),
    ];
}
