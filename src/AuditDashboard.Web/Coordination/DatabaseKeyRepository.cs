using System.Xml.Linq;
using AuditDashboard.Core.Coordination;
using AuditDashboard.Core.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Web.Coordination;

/// <summary>
/// The Data Protection key ring in the audit store (table data_protection_keys): an instance behind a load balancer
/// reads the keys the others made, so a sign-in cookie or antiforgery token from one is accepted by all.
/// </summary>
public sealed class DatabaseKeyRepository(IDbContextFactory<AuditDbContext> dbFactory, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbFactory.CreateDbContext();
        return db.ProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = dbFactory.CreateDbContext();
        db.ProtectionKeys.Add(new ProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting), StoredAt = clock.GetUtcNow().UtcDateTime });
        db.SaveChanges();
    }
}
