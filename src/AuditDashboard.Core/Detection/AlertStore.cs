using System.Text.Json;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Detection;

/// <summary>
/// Saves what detectors found: a new episode becomes an open alert (with its first history entry); a known one
/// is updated (evidence, window end, explanation) and keeps its triage state. Re-running never duplicates.
/// </summary>
public static class AlertStore
{
    public const string DetectorActor = "detector";

    /// <summary>Returns how many alerts were opened.</summary>
    public static async Task<int> UpsertAsync(AuditDbContext db, IEnumerable<AlertCandidate> candidates, DateTime now, CancellationToken cancellationToken = default)
    {
        var latest = candidates.GroupBy(c => c.Key).ToDictionary(g => g.Key, g => (Last: g.Last(), Evidence: g.SelectMany(c => c.EvidenceSeqs).ToList()));
        if (latest.Count == 0) return 0;
        var existing = new Dictionary<string, Alert>(StringComparer.Ordinal);
        foreach (var chunk in latest.Keys.Chunk(200))
        {
            var keys = chunk.ToList();
            foreach (var a in await db.Alerts.Where(a => keys.Contains(a.Key)).ToListAsync(cancellationToken)) existing[a.Key] = a;
        }
        var opened = new List<Alert>();
        foreach (var (key, (c, evidence)) in latest)
        {
            if (!existing.TryGetValue(key, out var alert))
            {
                alert = new Alert
                {
                    Key = key, Detector = c.Detector, Severity = c.Severity, SubjectKind = c.SubjectKind, Subject = Clip(c.Subject, 256),
                    WindowStart = c.WindowStart, FirstDetectedAt = now, Controls = JsonSerializer.Serialize(c.Controls),
                };
                db.Alerts.Add(alert);
                opened.Add(alert);
            }
            var seqs = JsonSerializer.Deserialize<long[]>(alert.Evidence)!.Concat(evidence).Distinct().Order().ToList();
            alert.EvidenceCount = Math.Max(alert.EvidenceCount, seqs.Count);
            alert.Evidence = JsonSerializer.Serialize(seqs.Skip(Math.Max(0, seqs.Count - Alert.MaxEvidence)));
            if (c.WindowEnd >= alert.WindowEnd)
            {
                alert.WindowEnd = c.WindowEnd;
                alert.Explanation = c.Explanation;
            }
            alert.LastDetectedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var alert in opened)
            db.AlertHistory.Add(new AlertHistory { AlertId = alert.Id, At = now, Actor = DetectorActor, ToStatus = AlertStatuses.Open, Note = alert.Explanation });
        await db.SaveChangesAsync(cancellationToken);
        return opened.Count;
    }

    /// <summary>Open alerts per detector (every detector listed, zero included).</summary>
    public static async Task<SortedDictionary<string, int>> OpenCountsAsync(AuditDbContext db, IEnumerable<string> detectors, CancellationToken cancellationToken = default)
    {
        var counts = await db.Alerts.Where(a => a.Status == AlertStatuses.Open).GroupBy(a => a.Detector)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var result = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in detectors) result[d] = counts.GetValueOrDefault(d);
        return result;
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
