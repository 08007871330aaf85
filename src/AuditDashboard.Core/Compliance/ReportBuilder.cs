using System.Globalization;
using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Storage;
using AuditDashboard.Reporting.Model;

namespace AuditDashboard.Core.Compliance;

/// <summary>
/// Computes a report from the store: one scan of the period's events counts every population, day and source;
/// then the alerts and their triage, the chain verification and the samples. The renderer only lays it out.
/// </summary>
public static class ReportBuilder
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="checkpoint">The signed checkpoint the report is made against (the store must hold its tree), if any.</param>
    /// <param name="knownBreak">A break already found (the log refused to sign the store), reported instead of a fresh verification.</param>
    public static async Task<ReportModel> BuildAsync(AuditDbContext db, ControlCatalog catalog, ReportRequest r, string signing, DateTime now,
        CheckpointAttestation? checkpoint = null, VerificationResult? knownBreak = null, CancellationToken cancellationToken = default)
    {
        var controls = r.Frameworks.SelectMany(catalog.For).ToList();
        var tallies = new Dictionary<string, PopulationTally>(StringComparer.Ordinal);
        foreach (var p in controls.SelectMany(c => c.Populations)) tallies.TryAdd(PopulationTally.Key(p), new PopulationTally(p));

        // One pass over the period's events.
        var perDay = new Dictionary<DateTime, long>();
        var failuresPerDay = new Dictionary<DateTime, long>();
        var sources = new Dictionary<string, (long Count, HashSet<DateTime> Days, List<float> Skews)>(StringComparer.Ordinal);
        var users = new HashSet<string>(StringComparer.Ordinal);
        var clients = new HashSet<string>(StringComparer.Ordinal);
        long events = 0, signIns = 0, failures = 0;
        var dashboardUse = new DashboardUseTally();
        await foreach (var e in ReportQueries.FactsAsync(db, r).WithCancellation(cancellationToken))
        {
            foreach (var tally in tallies.Values) tally.Offer(e);
            // The dashboard's own use has its own section; the summary and completeness are the providers' activity.
            if (e.Source == EventSources.Dashboard)
            {
                dashboardUse.Offer(e);
                continue;
            }
            events++;
            var day = e.Timestamp.Date;
            perDay[day] = perDay.GetValueOrDefault(day) + 1;
            if (e.EventType is EventTypes.LoginSuccess or EventTypes.LoginFailure) signIns++;
            if (e.EventType == EventTypes.LoginFailure)
            {
                failures++;
                failuresPerDay[day] = failuresPerDay.GetValueOrDefault(day) + 1;
            }
            if (!sources.TryGetValue(e.Source, out var source)) sources[e.Source] = source = (0, [], []);
            source.Days.Add(day);
            source.Skews.Add((float)(e.ReceivedAt - e.Timestamp).TotalSeconds);
            sources[e.Source] = source with { Count = source.Count + 1 };
            if (e.User is not null) users.Add(e.User);
            if (e.Client is not null) clients.Add(e.Client);
        }
        foreach (var s in r.Sources.Where(s => s != EventSources.Dashboard && !sources.ContainsKey(s))) sources[s] = (0, [], []);

        var days = Days(r.From, r.To);
        var completeness = sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new SourceCompleteness(
            s.Key, s.Value.Count, s.Value.Days.Count, days.Count, days.Where(d => !s.Value.Days.Contains(d)).ToList(),
            Median(Live(s.Value.Skews)), Live(s.Value.Skews) is { Count: > 0 } live ? live.Max(Math.Abs) : null,
            s.Value.Skews.Count(k => k > SourceCompleteness.LiveWindowSeconds))).ToList();

        // Alerts, their triage, the chain, the samples.
        var alerts = await AlertScope.FilterAsync(db, r, await ReportQueries.AlertsAsync(db, r.From, r.To, cancellationToken), cancellationToken);
        var history = (await ReportQueries.HistoryAsync(db, alerts.Select(a => a.Id).ToList(), cancellationToken))
            .GroupBy(h => h.AlertId).ToDictionary(g => g.Key, g => g.OrderBy(h => h.Id).ToList());
        var names = await AlertSubjects.UserNamesAsync(db, alerts, cancellationToken);
        var exceptions = alerts.Select(a => Exception(a, history.GetValueOrDefault(a.Id) ?? [], names)).ToList();
        var verification = knownBreak ?? await ChainVerifier.VerifyAsync(db,
            checkpoint is null ? [] : [Integrity.Log.Checkpoint.Parse(Integrity.Notes.SignedNote.Parse(checkpoint.Note).Text)], cancellationToken: cancellationToken);
        var protection = await StoreProtection.ReadAsync(db, cancellationToken);

        var samplePositions = new Dictionary<string, (PopulationTally Tally, IReadOnlyList<long> Seqs)>();
        foreach (var c in controls.Where(c => c.Populations.Count > 0))
        {
            var tally = tallies[PopulationTally.Key(c.Populations[0])];
            if (tally.Seqs.Count == 0) continue;
            var positions = EvidenceSampler.Positions(r.Seed, c.Id, tally.Seqs.Count);
            samplePositions[c.Framework + c.Id] = (tally, positions.Select(p => tally.Seqs[p]).ToList());
        }
        var sampled = await ReportQueries.EventsAsync(db, samplePositions.Values.SelectMany(v => v.Seqs).Distinct().ToList(), cancellationToken);

        var frameworkLabels = catalog.Frameworks.ToDictionary(f => f.Id, f => f.Label);
        var sections = controls.Select(c => Section(c, r, frameworkLabels[c.Framework], tallies, exceptions, completeness, verification,
            samplePositions.TryGetValue(c.Framework + c.Id, out var drawn) ? drawn : null, sampled)).ToList();

        return new ReportModel
        {
            ReportId = r.ReportId,
            Organisation = r.Organisation,
            Frameworks = r.Frameworks.Select(f => catalog.Frameworks.First(k => k.Id == f).Name).ToList(),
            From = r.From,
            To = r.To,
            Scope = Scope(r),
            GeneratedAt = now,
            GeneratedBy = r.GeneratedBy,
            Summary = new ReportSummary(events, signIns, failures, users.Count, clients.Count, sources.Count,
                days.Select(d => new DailyCount(d, perDay.GetValueOrDefault(d))).ToList(),
                days.Select(d => new DailyCount(d, failuresPerDay.GetValueOrDefault(d))).ToList(),
                [.. new[] { Severities.Critical, Severities.High, Severities.Medium, Severities.Low }.Select(s => new LabelledCount(s, alerts.Count(a => a.Severity == s)))],
                [.. AlertStatuses.All.Select(s => new LabelledCount(s, alerts.Count(a => a.Status == s)))]),
            Completeness = completeness,
            Controls = sections,
            OutOfScope = catalog.OutOfScope.Where(o => r.Frameworks.Contains(o.Framework))
                .Select(o => new OutOfScopeItem(frameworkLabels[o.Framework], o.Id, o.Title, o.Reason)).ToList(),
            DashboardUse = dashboardUse.Rows(),
            Integrity = new IntegrityAttestation(verification.Intact, 1, verification.Intact ? verification.HeadSeq : verification.FirstBrokenSeq ?? verification.HeadSeq,
                verification.EventsChecked, verification.HeadSeq, verification.HeadHash, verification.FirstBrokenSeq, verification.Message, now, checkpoint,
                new StorageProtection(protection.Engine, protection.InTransit, protection.AtRest)),
            SampleSeed = r.Seed,
            SampleMethod = EvidenceSampler.Method,
            Signing = signing,
            Methodology = ReportTexts.Methodology,
            Glossary = ReportTexts.Glossary,
        };
    }

    private static ControlSection Section(CatalogControl c, ReportRequest r, string framework, Dictionary<string, PopulationTally> tallies,
        List<ExceptionRow> allExceptions, List<SourceCompleteness> completeness, VerificationResult verification,
        (PopulationTally Tally, IReadOnlyList<long> Seqs)? sample, Dictionary<long, AccessEvent> sampled)
    {
        var populations = c.Populations.Select(p =>
        {
            var t = tallies[PopulationTally.Key(p)];
            return new PopulationResult(p.Name, t.Query(r), t.Seqs.Count,
                t.BySource.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => new LabelledCount(s.Key, s.Value)).ToList());
        }).ToList();
        var exceptions = allExceptions.Where(e => c.Detectors.Contains(e.Detector)).ToList();

        var result = new List<string>();
        if (populations.Count > 0)
        {
            long size = populations.Sum(p => p.Size);
            result.Add(size == 0
                ? "No event of the population occurred in the period, so the control could not be observed in access logs for it."
                : $"The population holds {string.Join("; ", populations.Select(p => $"{p.Size.ToString("N0", Invariant)} {p.Name.ToLowerInvariant()}"))}.");
        }
        if (c.Detectors.Count > 0)
        {
            if (exceptions.Count == 0) result.Add($"No alert from its {c.Detectors.Count} detectors touched the period.");
            else
            {
                var triaged = exceptions.Where(e => e.TimeToTriage is not null).Select(e => e.TimeToTriage!.Value.TotalHours).Order().ToList();
                result.Add($"{exceptions.Count} exceptions (alerts): " +
                    string.Join(", ", AlertStatuses.All.Select(s => (s, n: exceptions.Count(e => e.Status == s))).Where(x => x.n > 0).Select(x => $"{x.n} {x.s}")) +
                    (triaged.Count == 0 ? "; none triaged yet." : $"; {triaged.Count} triaged, median time to triage {triaged[triaged.Count / 2].ToString("F1", Invariant)} h."));
            }
        }
        if (c.Has(EvidenceKinds.Integrity))
            result.Add(verification.Intact ? $"The hash chain verified intact ({verification.EventsChecked.ToString("N0", Invariant)} events)." : $"The hash chain verification FAILED at seq {verification.FirstBrokenSeq}.");
        if (c.Has(EvidenceKinds.Completeness) || c.Has(EvidenceKinds.ClockSkew))
        {
            int silent = completeness.Sum(s => s.MissingDays.Count);
            result.Add(silent == 0 ? $"Every one of {completeness.Count} sources sent events on every day of the period." : $"{silent} source-days without any event (listed below).");
        }

        SampleResult? sampleResult = null;
        if (sample is { } s)
            sampleResult = new SampleResult(s.Tally.Population.Name, s.Tally.Seqs.Count, s.Seqs.Select(seq => sampled[seq]).Select(e =>
                new SampleRow(e.Seq, e.Timestamp, e.EventType, e.Outcome, e.Username ?? e.UserId, e.ClientId, e.Ip, e.Source, HashChain.ToHex(e.Hash))).ToList());

        return new ControlSection
        {
            Framework = framework,
            Id = c.Id,
            Title = c.Title,
            Iso2013 = c.Iso2013,
            Tested = c.Tested,
            Populations = populations,
            Detectors = c.Detectors,
            Exceptions = exceptions,
            Result = string.Join(" ", result),
            ShowsCompleteness = c.Has(EvidenceKinds.Completeness),
            ShowsIntegrity = c.Has(EvidenceKinds.Integrity),
            ShowsClockSkew = c.Has(EvidenceKinds.ClockSkew),
            Sample = sampleResult,
        };
    }

    private static ExceptionRow Exception(Alert a, List<AlertHistory> history, Dictionary<string, string> names)
    {
        var first = history.FirstOrDefault(h => h.Actor != AlertStore.DetectorActor && h.ToStatus != AlertStatuses.Open);
        return new ExceptionRow(a.Id, a.Detector, a.Severity, $"{a.SubjectKind} {AlertSubjects.Describe(a, names)}", a.WindowStart, a.Status, a.Assignee,
            first?.Actor, first is null ? null : first.At - a.FirstDetectedAt,
            history.Where(h => h.Actor != AlertStore.DetectorActor).Select(h => new TriageStep(h.At, h.Actor, h.FromStatus, h.ToStatus, h.Note)).ToList());
    }

    private static List<DateTime> Days(DateTime from, DateTime to)
    {
        var days = new List<DateTime>();
        for (var d = from.Date; d < to; d = d.AddDays(1)) days.Add(d);
        return days;
    }

    /// <summary>Clock skew is read from events delivered live; an import of last month's log is late by design.</summary>
    private static List<float> Live(List<float> skews) => skews.Where(k => k <= SourceCompleteness.LiveWindowSeconds).ToList();

    private static double? Median(List<float> values)
    {
        if (values.Count == 0) return null;
        var copy = values.ToArray();
        Array.Sort(copy);
        return copy[copy.Length / 2];
    }

    private static string Scope(ReportRequest r) =>
        r.Sources.Count == 0 && r.Clients.Count == 0 ? "all sources and clients"
        : string.Join("; ", new[] { r.Sources.Count > 0 ? $"sources {string.Join(", ", r.Sources)}" : null, r.Clients.Count > 0 ? $"clients {string.Join(", ", r.Clients)}" : null }.OfType<string>());
}
