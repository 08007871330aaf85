using AuditDashboard.Core.Geo;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Overview;

/// <summary>Adds the names a chunk of events carries to <see cref="NameEntry"/>, inside the aggregator's transaction.</summary>
internal static class NameIndexer
{
    public const int MaxLength = 200; // three such columns stay within SQL Server's 900-byte key

    public static async Task ApplyAsync(AuditDbContext db, List<Aggregator.Row> rows, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<(string Kind, string Key, string Value)>();
        void Add(string kind, string? key, string? value)
        {
            if (key is null || value is null || key.Length > MaxLength || value.Length > MaxLength) return;
            wanted.Add((kind, key.ToLowerInvariant(), value));
        }
        foreach (var r in rows)
        {
            // The account is the user id, or the username when there is none; either name, in any case, finds it.
            Add(NameEntry.User, r.UserId, r.User);
            Add(NameEntry.User, r.Username, r.User);
            Add(NameEntry.Client, r.Client, r.Client);
            Add(NameEntry.Source, r.Source, r.Source);
            if (r.Country is not null)
            {
                Add(NameEntry.Country, r.Country, r.Country);
                Add(NameEntry.Country, Countries.ToCode(r.Country), r.Country);
            }
        }
        foreach (var kind in wanted.GroupBy(w => w.Kind))
        {
            foreach (var chunk in kind.Chunk(500))
            {
                var keys = chunk.Select(c => c.Key).Distinct().ToList();
                var known = (await db.Names.AsNoTracking().Where(n => n.Kind == kind.Key && keys.Contains(n.Key)).Select(n => new { n.Key, n.Value }).ToListAsync(cancellationToken))
                    .Select(n => (n.Key, n.Value)).ToHashSet();
                foreach (var (k, key, value) in chunk)
                    if (!known.Contains((key, value))) db.Names.Add(new NameEntry { Kind = k, Key = key, Value = value });
            }
        }
    }
}
