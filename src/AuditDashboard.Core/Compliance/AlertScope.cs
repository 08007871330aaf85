using System.Text.Json;
using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Storage;

namespace AuditDashboard.Core.Compliance;

/// <summary>
/// A report scoped to sources or clients lists only the exceptions its scope raised: an alert belongs when one of its
/// evidence events is in scope. An integrity break is about the whole store, so every report lists it.
/// </summary>
internal static class AlertScope
{
    public static async Task<List<Alert>> FilterAsync(AuditDbContext db, ReportRequest r, List<Alert> alerts, CancellationToken cancellationToken)
    {
        if (r.Sources.Count == 0 && r.Clients.Count == 0) return alerts;
        var evidence = alerts.ToDictionary(a => a.Id, a => Seqs(a.Evidence));
        var origins = await ReportQueries.OriginsAsync(db, evidence.Values.SelectMany(s => s).Distinct().ToList(), cancellationToken);
        bool InScope(long seq) => origins.TryGetValue(seq, out var o)
            && (r.Sources.Count == 0 || r.Sources.Contains(o.Source))
            && (r.Clients.Count == 0 || (o.Client is not null && r.Clients.Contains(o.Client)));
        return alerts.Where(a => a.Detector == IntegrityBreak.Name || evidence[a.Id].Any(InScope)).ToList();
    }

    private static long[] Seqs(string evidence)
    {
        try
        {
            return JsonSerializer.Deserialize<long[]>(evidence) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
