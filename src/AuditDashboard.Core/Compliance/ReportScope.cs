using AuditDashboard.Core.Overview;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Compliance;

/// <summary>
/// A scope that names a source or client no event carries is a typo, not an empty population: it is refused, naming
/// the known ones, instead of producing a report of nothing that looks clean.
/// </summary>
public static class ReportScope
{
    private const int MaxListed = 20;

    public static async Task<List<string>> ProblemsAsync(AuditDbContext db, ReportRequest r, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        foreach (var source in r.Sources.Distinct())
            if (!await db.Events.AnyAsync(e => e.Source == source, cancellationToken))
                problems.Add($"unknown source '{source}' (known: {await KnownAsync(db, NameEntry.Source, cancellationToken)})");
        foreach (var client in r.Clients.Distinct())
            if (!await db.Events.AnyAsync(e => e.ClientId == client, cancellationToken))
                problems.Add($"unknown client '{client}' (known: {await KnownAsync(db, NameEntry.Client, cancellationToken)})");
        return problems;
    }

    /// <summary>The stored values of a kind, for pickers and messages; the first <paramref name="max"/> in order.</summary>
    public static Task<List<string>> ListAsync(AuditDbContext db, string kind, int max, CancellationToken cancellationToken = default) =>
        db.Names.AsNoTracking().Where(n => n.Kind == kind).Select(n => n.Value).Distinct().OrderBy(v => v).Take(max).ToListAsync(cancellationToken);

    /// <summary>From the events themselves (an index walk), so the message is right even where no aggregator has run (the CLI).</summary>
    private static async Task<string> KnownAsync(AuditDbContext db, string kind, CancellationToken cancellationToken)
    {
        var known = kind == NameEntry.Source
            ? await db.Events.Select(e => e.Source).Distinct().OrderBy(v => v).Take(MaxListed + 1).ToListAsync(cancellationToken)
            : await db.Events.Where(e => e.ClientId != null).Select(e => e.ClientId!).Distinct().OrderBy(v => v).Take(MaxListed + 1).ToListAsync(cancellationToken);
        if (known.Count == 0) return "none yet";
        return string.Join(", ", known.Take(MaxListed)) + (known.Count > MaxListed ? ", …" : "");
    }
}
