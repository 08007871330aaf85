using System.Globalization;
using AuditDashboard.Reporting.Layout;
using AuditDashboard.Reporting.Model;

namespace AuditDashboard.Reporting;

/// <summary>The report's integrity attestation: the chain verification, the signed checkpoint and how to check both offline.</summary>
internal static class IntegritySection
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(PdfFlow flow, IntegrityAttestation a)
    {
        flow.Paragraph(Sentence(a));
        flow.Facts(
        [
            ("Result", a.Intact ? "INTACT" : $"TAMPERED at seq {a.FirstBrokenSeq}"),
            ("Range verified", $"seq {a.FirstSeq} to {a.LastSeq} ({a.EventsChecked.ToString("N0", Invariant)} events checked)"),
            ("Verified at", Time(a.VerifiedAt)),
            ("Chain head", $"seq {a.HeadSeq}"),
        ]);
        flow.Paragraph("Chain head hash (SHA-256):", flow.Bold);
        flow.Paragraph(a.HeadHash, flow.MonoSmall);
        if (a.Storage is { } s)
            flow.Facts([("Database", s.Engine), ("Connection", s.InTransit), ("Files at rest", s.AtRest)]);
        if (a.Checkpoint is not { } c)
        {
            flow.Paragraph("No signed checkpoint: this report was made without the log's signing key, so its evidence can be checked only against the " +
                "database (auditdash verify), not offline.", flow.Bold);
            return;
        }
        flow.Heading("Signed checkpoint", 11);
        flow.Paragraph("The report was made against this checkpoint of the store's Merkle log (C2SP tlog-checkpoint, signed with Ed25519 as a C2SP " +
            "signed note). It commits to every event up to its size; the evidence bundle holds it with a tlog-proof for every sampled event.");
        flow.Facts(
        [
            ("Log (origin)", c.Origin),
            ("Tree size", $"{c.Size.ToString("N0", Invariant)} events (seq 1 to {c.Size})"),
            ("Root hash", c.Root),
            ("Key ID", c.KeyId),
            ("Cosigned by", c.Cosigners.Count == 0 ? "no witness yet" : string.Join(", ", c.Cosigners)),
        ]);
        flow.Paragraph("Verifier key (publish it where auditors can get it independently of this report):", flow.Bold);
        flow.Paragraph(c.VerifierKey, flow.MonoSmall);
        flow.Paragraph("The checkpoint as signed:", flow.Bold);
        foreach (var line in c.Note.TrimEnd('\n').Split('\n')) flow.Paragraph(line.Length == 0 ? " " : line, flow.MonoSmall);
        flow.Heading("Verifying offline", 11);
        flow.Paragraph("1. Obtain the log's verifier key from its owner (not from this report), and the evidence bundle (ZIP) beside this PDF.");
        flow.Paragraph("2. Run either of these; each checks the checkpoint's signature and that every sampled event's bytes (proofs/N.json) " +
            "are included in its tree (proofs/N.tlog-proof). The second needs only Python's standard library:");
        flow.Paragraph("auditdash verify-bundle BUNDLE.zip --key KEY", flow.MonoSmall, indent: 16);
        flow.Paragraph("python3 docs/verify_chain.py --bundle BUNDLE.zip --key KEY", flow.MonoSmall, indent: 16);
        flow.Paragraph("3. Any C2SP tlog-proof verifier (for example one built on Go's golang.org/x/mod/sumdb/note and sumdb/tlog) checks the same files.");
        flow.Paragraph("4. With database access, this shows that the store still holds this exact history; a witness's cosignature shows that a second " +
            "party saw the same tree:");
        flow.Paragraph("auditdash verify --checkpoint log/checkpoint --key KEY", flow.MonoSmall, indent: 16);
    }

    public static string Sentence(IntegrityAttestation a) => a.Intact
        ? $"The hash chain was verified from seq {a.FirstSeq} to seq {a.LastSeq} at {Time(a.VerifiedAt)}: intact, {a.EventsChecked.ToString("N0", Invariant)} events, chain head seq {a.HeadSeq}."
        : $"The hash chain verification at {Time(a.VerifiedAt)} FAILED at seq {a.FirstBrokenSeq}: {a.Message}. Evidence after that point cannot be relied on until the break is explained.";

    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss", Invariant) + " UTC";
}
