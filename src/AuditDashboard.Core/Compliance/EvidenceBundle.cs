using System.Globalization;
using System.IO.Compression;
using System.Text;
using AuditDashboard.Core.Explorer;
using AuditDashboard.Reporting.Model;

namespace AuditDashboard.Core.Compliance;

/// <summary>
/// The CSV evidence bundle beside a report: a zip of the populations, completeness, exceptions, samples and the
/// integrity attestation behind it. Cells are escaped like the explorer's export (formulas neutralised).
/// </summary>
public static class EvidenceBundle
{
    public const string CheckpointEntry = "log/checkpoint";
    public const string VerifierKeyEntry = "log/verifier-key.txt";
    public const string ProofsFolder = "proofs/";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="proofs">Per sampled event, N.json and N.tlog-proof (see <see cref="Integrity.Log.EventProofs"/>), written under proofs/.</param>
    public static void Write(ReportModel m, Stream output, IReadOnlyList<(string Name, byte[] Content)>? proofs = null)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var checkpoint = m.Integrity.Checkpoint;
        Csv(zip, "README.txt", null,
        [[$"Evidence behind report {m.ReportId} ({string.Join(" and ", m.Frameworks)}), period {Time(m.From)} to {Time(m.To)} UTC, scope: {m.Scope}. " +
          $"Sample seed {m.SampleSeed}. Sampling method: {m.SampleMethod}"],
         [checkpoint is null ? "No signed checkpoint: the report was made without the log's signing key." :
             $"{CheckpointEntry} is the signed checkpoint of {checkpoint.Origin} at {checkpoint.Size} events the report was made against; " +
             $"{ProofsFolder}N.json is each sampled event's canonical form and {ProofsFolder}N.tlog-proof its inclusion in that checkpoint (C2SP tlog-proof). " +
             "Verify offline with the log's verifier key, obtained from its owner: auditdash verify-bundle THIS.zip --key KEY, or python3 verify_chain.py --bundle THIS.zip --key KEY."]]);
        if (checkpoint is not null)
        {
            Raw(zip, CheckpointEntry, Encoding.UTF8.GetBytes(checkpoint.Note));
            Raw(zip, VerifierKeyEntry, Encoding.UTF8.GetBytes(checkpoint.VerifierKey + "\n"));
        }
        foreach (var (name, content) in proofs ?? []) Raw(zip, ProofsFolder + name, content);
        Csv(zip, "populations.csv", ["framework", "control", "population", "query", "size", "source", "events_from_source"],
            m.Controls.SelectMany(c => c.Populations.SelectMany(p => (p.BySource.Count == 0 ? [new LabelledCount("", 0)] : p.BySource)
                .Select(s => (IReadOnlyList<string?>)[c.Framework, c.Id, p.Name, p.Query, N(p.Size), s.Label, N(s.Count)]))));
        Csv(zip, "completeness.csv", ["source", "events", "days_with_events", "days_in_period", "silent_days", "median_skew_seconds", "max_skew_seconds", "received_later"],
            m.Completeness.Select(s => (IReadOnlyList<string?>)[s.Source, N(s.Events), N(s.DaysWithEvents), N(s.DaysInPeriod),
                string.Join(' ', s.MissingDays.Select(d => d.ToString("yyyy-MM-dd", Invariant))), D(s.MedianSkewSeconds), D(s.MaxSkewSeconds), N(s.ReceivedLater)]));
        Csv(zip, "exceptions.csv", ["framework", "control", "alert_id", "detector", "severity", "subject", "window_start", "status", "assignee", "triaged_by",
                "time_to_triage_minutes", "management_response", "history"],
            m.Controls.SelectMany(c => c.Exceptions.Select(e => (IReadOnlyList<string?>)[c.Framework, c.Id, N(e.AlertId), e.Detector, e.Severity, e.Subject,
                Time(e.WindowStart), e.Status, e.Assignee, e.TriagedBy, e.TimeToTriage is { } t ? t.TotalMinutes.ToString("F1", Invariant) : null,
                e.Response, string.Join(" | ", e.History.Select(h => $"{Time(h.At)} {h.Actor}: {h.From ?? "-"} -> {h.To}{(string.IsNullOrWhiteSpace(h.Note) ? "" : ": " + h.Note)}"))])));
        Csv(zip, "dashboard_use.csv", ["person", "sign_ins", "failed_sign_ins", "exports_and_downloads", "triage_actions", "other_actions", "first", "last"],
            m.DashboardUse.Select(r => (IReadOnlyList<string?>)[r.Person, N(r.SignIns), N(r.FailedSignIns), N(r.Exports), N(r.Triage), N(r.Other), Time(r.First), Time(r.Last)]));
        Csv(zip, "samples.csv", ["framework", "control", "population", "population_size", "seed", "seq", "timestamp", "event_type", "outcome", "user", "client_id", "ip", "source", "hash"],
            m.Controls.Where(c => c.Sample is not null).SelectMany(c => c.Sample!.Rows.Select(r => (IReadOnlyList<string?>)[c.Framework, c.Id, c.Sample.Population,
                N(c.Sample.PopulationSize), N(m.SampleSeed), N(r.Seq), r.Timestamp.ToString("O", Invariant), r.EventType, r.Outcome, r.User, r.Client, r.Ip, r.Source, r.Hash])));
        var i = m.Integrity;
        Csv(zip, "integrity.csv", ["intact", "first_seq", "last_seq", "events_checked", "head_seq", "head_hash", "first_broken_seq", "message", "verified_at"],
            [[i.Intact ? "true" : "false", N(i.FirstSeq), N(i.LastSeq), N(i.EventsChecked), N(i.HeadSeq), i.HeadHash, i.FirstBrokenSeq?.ToString(Invariant), i.Message, i.VerifiedAt.ToString("O", Invariant)]]);
    }

    private static void Raw(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static void Csv(ZipArchive zip, string name, IReadOnlyList<string>? header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        // A fixed time keeps the bundle's bytes the same for the same report.
        entry.LastWriteTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        if (header is null)
        {
            foreach (var row in rows) writer.WriteLine(row[0]);
            return;
        }
        writer.Write(string.Join(',', header) + "\r\n");
        foreach (var row in rows) writer.Write(string.Join(',', row.Select(CsvExport.Cell)) + "\r\n");
    }

    private static string N(long n) => n.ToString(Invariant);
    private static string? D(double? d) => d?.ToString("F3", Invariant);
    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm", Invariant);
}
