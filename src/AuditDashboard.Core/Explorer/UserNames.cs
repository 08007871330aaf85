using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Explorer;

/// <summary>
/// Accounts are keyed by the provider's user id (often opaque: 00u1abc…, u-e625b…); people need the name. The latest
/// username each id was seen with, read from the events: one index lookup per id, a bounded number of them.
/// </summary>
public static class UserNames
{
    public const int MaxLookups = 200;

    public static async Task<Dictionary<string, string>> ForAsync(AuditDbContext db, IEnumerable<string> userIds, CancellationToken cancellationToken = default)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in userIds.Distinct().Take(MaxLookups))
        {
            var name = await db.Events.AsNoTracking().Where(e => e.UserId == id && e.Username != null)
                .OrderByDescending(e => e.Timestamp).Select(e => e.Username).FirstOrDefaultAsync(cancellationToken);
            if (name is not null && name != id) names[id] = name;
        }
        return names;
    }
}
