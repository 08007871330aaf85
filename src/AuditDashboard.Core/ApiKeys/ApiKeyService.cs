using System.Security.Cryptography;
using System.Text;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.ApiKeys;

/// <summary>
/// Keys are 32 random bytes, so a plain SHA-256 is enough to store them (no password KDF needed):
/// a stolen table yields nothing usable.
/// </summary>
public sealed class ApiKeyService(IDbContextFactory<AuditDbContext> dbFactory, TimeProvider clock)
{
    public const string KeyPrefix = "adk_";

    /// <param name="sources">What the key may write: source names, prefixes ending in <c>*</c>, or <c>*</c> for any (see <see cref="SourcePolicy"/>).</param>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string name, IReadOnlyList<string> sources, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 128)
            throw new ArgumentException("an API key name must be 1 to 128 characters", nameof(name));
        sources = sources.Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (SourcePolicy.Problems(sources).ToList() is { Count: > 0 } problems)
            throw new ArgumentException(string.Join("; ", problems), nameof(sources));
        await using var db = dbFactory.CreateDbContext();
        if (await db.ApiKeys.AnyAsync(k => k.Name == name, cancellationToken))
            throw new InvalidOperationException($"an API key named '{name}' already exists");

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = $"{KeyPrefix}{id}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var key = new ApiKey
        {
            Name = name,
            Prefix = KeyPrefix + id,
            KeyHash = Hash(secret),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Sources = string.Join('\n', sources),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return (key, secret);
    }

    public async Task<List<ApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Revokes by name or prefix. Returns false when no active key matches.</summary>
    public async Task<bool> RevokeAsync(string nameOrPrefix, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => (k.Name == nameOrPrefix || k.Prefix == nameOrPrefix) && k.RevokedAt == null, cancellationToken);
        if (key is null) return false;
        key.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The active key matching the presented secret, or null.</summary>
    public async Task<ApiKey?> AuthenticateAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (!presented.StartsWith(KeyPrefix, StringComparison.Ordinal) || presented.Length > 200) return null;
        var hash = Hash(presented);
        await using var db = dbFactory.CreateDbContext();
        return await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, cancellationToken);
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
