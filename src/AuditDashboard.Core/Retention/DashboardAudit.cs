using System.Text.Json;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Ingest;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Retention;

/// <summary>Records an action taken on the store itself (a hold placed, a month let go) in the chain, as the dashboard's own event.</summary>
public static class DashboardAudit
{
    public static async Task RecordAsync(IDbContextFactory<AuditDbContext> dbFactory, TimeProvider clock, string by, string origin,
        Dictionary<string, string?> attributes, CancellationToken cancellationToken)
    {
        var e = new AccessEvent
        {
            EventId = Guid.CreateVersion7().ToString(), Timestamp = clock.GetUtcNow().UtcDateTime, EventType = EventTypes.DashboardAccess,
            Outcome = Outcomes.Success, Source = EventSources.Dashboard, ClientId = "auditdash-cli", Username = by,
            Attributes = JsonSerializer.Serialize(attributes, CompactJson.Options),
        };
        var result = await new IngestService(dbFactory, new IngestOptions(), clock).IngestJsonAsync(EventJson.ToNdjson([e]), origin, cancellationToken);
        if (result.Status != IngestStatus.Accepted)
            throw new InvalidOperationException($"the change was made but could not be recorded in the audit trail: {result.Message}");
    }
}
