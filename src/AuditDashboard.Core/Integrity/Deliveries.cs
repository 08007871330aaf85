using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Integrity;

/// <summary>
/// Which way each event came in — <c>api:&lt;key name&gt;</c>, <c>api-import:&lt;key name&gt;</c>, <c>web:dashboard</c>,
/// <c>cli:import</c>… — read from the chain head its batch recorded. A few recent batches are remembered, so an export
/// walking events batch by batch asks the database about once per batch.
/// </summary>
public sealed class Deliveries(AuditDbContext db)
{
    private const int Remembered = 64;
    private readonly List<(long First, long Last, string Origin)> _recent = [];

    public async Task<string?> OriginAsync(long seq, CancellationToken cancellationToken = default)
    {
        foreach (var (first, last, origin) in _recent)
        {
            if (seq >= first && seq <= last) return origin;
        }
        var head = await db.ChainHeads.AsNoTracking().Where(h => h.LastSeq >= seq).OrderBy(h => h.LastSeq)
            .Select(h => new { h.FirstSeq, h.LastSeq, h.Origin }).FirstOrDefaultAsync(cancellationToken);
        if (head is null || head.FirstSeq > seq) return null;
        if (_recent.Count == Remembered) _recent.RemoveAt(0);
        _recent.Add((head.FirstSeq, head.LastSeq, head.Origin));
        return head.Origin;
    }
}
