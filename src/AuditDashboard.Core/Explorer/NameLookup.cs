using AuditDashboard.Core.Geo;
using AuditDashboard.Core.Overview;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Explorer;

/// <summary>
/// Turns what a person typed ("maya", "Maya.Garcia@acme.example", "web", "id") into the values stored in the events,
/// through the aggregator's name table (a key range, so index-backed on every engine); the events are then found
/// through their own indexes on those exact values.
/// </summary>
public static class NameLookup
{
    /// <summary>How many stored values one typed beginning may stand for; beyond it the first ones are searched and the page says so.</summary>
    public const int MaxMatches = 200;

    public static async Task<NameMatches> ResolveAsync(AuditDbContext db, EventFilter f, CancellationToken cancellationToken = default)
    {
        var notes = new List<string>();
        var users = f.User is { } user ? await PrefixAsync(db, NameEntry.User, user, "users", notes, cancellationToken) : null;
        var clients = f.Client is { } client ? await PrefixAsync(db, NameEntry.Client, client, "clients", notes, cancellationToken) : null;
        List<string>? countries = null;
        if (f.Country is { } country)
        {
            // Exact, in any case, by code or name: "de" is Germany, not the beginning of Denmark.
            var code = Countries.ToCode(country);
            var keys = new[] { country.Trim().ToLowerInvariant(), code?.ToLowerInvariant() }.OfType<string>().Distinct().ToList();
            countries = await db.Names.AsNoTracking().Where(n => n.Kind == NameEntry.Country && keys.Contains(n.Key))
                .Select(n => n.Value).Distinct().Take(MaxMatches).ToListAsync(cancellationToken);
            countries.Add(country);
            if (code is not null) countries.Add(code);
            countries = countries.Distinct(StringComparer.Ordinal).ToList();
        }
        return new NameMatches(users, clients, countries, notes);
    }

    private static async Task<List<string>> PrefixAsync(AuditDbContext db, string kind, string typed, string plural, List<string> notes, CancellationToken cancellationToken)
    {
        var low = typed.Trim().ToLowerInvariant();
        var found = new List<string>();
        if (low.Length > 0 && low[^1] < char.MaxValue)
        {
            var high = low[..^1] + (char)(low[^1] + 1);
            found = await db.Names.AsNoTracking()
                .Where(n => n.Kind == kind && string.Compare(n.Key, low) >= 0 && string.Compare(n.Key, high) < 0)
                .Select(n => n.Value).Distinct().OrderBy(v => v).Take(MaxMatches + 1).ToListAsync(cancellationToken);
        }
        if (found.Count > MaxMatches)
        {
            found.RemoveAt(MaxMatches);
            notes.Add($"'{typed}' begins more than {MaxMatches} {plural}; the first {MaxMatches} are searched. Type more of the name to narrow it.");
        }
        // What was typed, exactly, too: an event stored a moment ago is found before the aggregator has listed its names.
        if (!found.Contains(typed, StringComparer.Ordinal)) found.Add(typed);
        return found;
    }
}
