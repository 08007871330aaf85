using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Storage;

/// <summary>How the store is protected, as far as the engine itself can say: the connection, and the files at rest.</summary>
/// <param name="EncryptedAtRest">True or false when the engine reports it (SQL Server TDE), null when it cannot.</param>
public sealed record StoreProtection(string Engine, string InTransit, bool? EncryptedAtRest, string AtRest)
{
    public static async Task<StoreProtection> ReadAsync(AuditDbContext db, CancellationToken cancellationToken = default)
    {
        var provider = StoreProvider.For(db);
        var (encrypted, atRest) = await provider.AtRestAsync(db, cancellationToken);
        return new StoreProtection(provider.Name, provider.InTransit(db.Database.GetConnectionString()), encrypted, atRest);
    }
}
