using System.Data;
using System.Data.Common;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Core.Ingest;

/// <summary>
/// The one way events enter the store (API, CLI, simulator, importers): validate the whole batch,
/// drop duplicates, link the hash chain and append atomically with the new chain head.
/// </summary>
public sealed class IngestService(IDbContextFactory<AuditDbContext> dbFactory, IOptions<IngestOptions> limits, TimeProvider clock)
{
    public IngestService(IDbContextFactory<AuditDbContext> dbFactory, IngestOptions options, TimeProvider clock)
        : this(dbFactory, Microsoft.Extensions.Options.Options.Create(options), clock)
    {
    }

    // One writer per process; across processes the provider's named lock on the chain serializes.
    private static readonly SemaphoreSlim WriteLock = new(1, 1);

    // Read on first use, so start-up validation reports bad limits before anything is ingested.
    private EventValidator? _validator;

    public IngestOptions Options => limits.Value;

    /// <summary>The clock that stamps received_at and judges future timestamps.</summary>
    public TimeProvider Clock => clock;

    private EventValidator Validator => _validator ??= new EventValidator(limits.Value, clock);

    /// <summary>Ingests a body holding a JSON object, a JSON array or NDJSON.</summary>
    /// <remarks>With <paramref name="validateOnly"/> the batch is checked exactly as for storing, and nothing is stored.</remarks>
    /// <param name="sources">For a batch sent with an API key: the sources that key may write (null: the app itself, the CLI).</param>
    public async Task<IngestResult> IngestJsonAsync(ReadOnlyMemory<byte> body, string origin, CancellationToken cancellationToken = default, bool validateOnly = false,
        ApiKeys.SourcePolicy? sources = null)
    {
        var options = limits.Value;
        if (body.Length > options.MaxBodyBytes)
            return IngestResult.OverLimit($"the body is {body.Length} bytes, over the limit of {options.MaxBodyBytes} bytes (Ingest:MaxBodyBytes)");
        ParsedBatch batch;
        try
        {
            batch = BatchReader.Read(body);
        }
        catch (BatchFormatException ex)
        {
            return IngestResult.Invalid([], ex.Message);
        }
        using (batch)
        {
            var items = batch.Items;
            if (items.Count > options.MaxBatchItems)
                return IngestResult.OverLimit($"the batch has {items.Count} items, over the limit of {options.MaxBatchItems} (Ingest:MaxBatchItems)");

            var errors = new List<FieldError>();
            var events = new List<AccessEvent>(items.Count);
            for (int i = 0; i < items.Count; i++)
            {
                var ev = Validator.Read(items[i], i, errors);
                if (ev is not null) events.Add(ev);
            }
            if (errors.Count > 0)
            {
                int bad = errors.Select(e => e.Index).Distinct().Count();
                return IngestResult.Invalid(errors, $"{bad} of {items.Count} items are invalid; nothing from this batch was stored");
            }
            batch.Dispose();
            if (sources is not null && events.Select(e => e.Source).Distinct(StringComparer.Ordinal).Where(s => !sources.Allows(s)).ToList() is { Count: > 0 } refused)
                return IngestResult.Forbidden($"the API key '{sources.KeyName}' may not write the source{(refused.Count > 1 ? "s" : "")} " +
                    $"{string.Join(", ", refused.Take(5).Select(s => $"'{s}'"))} (it may write: {sources.Describe()}, never '{ApiKeys.SourcePolicy.Reserved}'); nothing from this batch was stored");
            if (validateOnly) return new IngestResult(IngestStatus.Accepted, events.Count, 0, [], null, 0, "");
            return await AppendAsync(events, origin, cancellationToken);
        }
    }

    /// <summary>Appends validated events (seq, received_at and hashes are assigned here).</summary>
    private async Task<IngestResult> AppendAsync(List<AccessEvent> events, string origin, CancellationToken cancellationToken)
    {
        var unique = new List<AccessEvent>(events.Count);
        var seen = new HashSet<(string, string)>();
        foreach (var e in events)
        {
            if (seen.Add((e.Source, e.EventId))) unique.Add(e);
        }

        await WriteLock.WaitAsync(cancellationToken);
        try
        {
            // Re-sent events are the exception: append optimistically and let the database's own guard on
            // (source, event_id) detect them; only then pay for looking every event up first.
            try
            {
                return await AppendOnceAsync(unique, events.Count, origin, lookUpExisting: false, cancellationToken);
            }
            catch (DbException ex) when (StoreProvider.All.Any(p => p.IsDuplicateKey(ex)))
            {
                return await AppendOnceAsync(unique, events.Count, origin, lookUpExisting: true, cancellationToken);
            }
        }
        finally
        {
            WriteLock.Release();
        }
    }

    private async Task<IngestResult> AppendOnceAsync(List<AccessEvent> unique, int total, string origin, bool lookUpExisting, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        await using var tx = await ExclusiveTransaction.BeginAsync(db, ExclusiveTransaction.Chain, cancellationToken);

        var fresh = unique;
        if (lookUpExisting)
        {
            var stored = await ExistingAsync(db, unique, cancellationToken);
            fresh = unique.Where(e => !stored.Contains((e.Source, e.EventId))).ToList();
        }
        int duplicates = total - fresh.Count;

        var head = await db.Events.OrderByDescending(e => e.Seq).Select(e => new { e.Seq, e.Hash, e.ReceivedAt }).FirstOrDefaultAsync(cancellationToken);
        long seq = head?.Seq ?? 0;
        byte[] hash = head?.Hash ?? HashChain.Genesis;
        if (fresh.Count == 0)
            return new IngestResult(IngestStatus.Accepted, 0, duplicates, [], null, seq, HashChain.ToHex(hash));

        // Received times never go back along the chain (instances' clocks differ a little), so a month by received
        // time is one run of seq and retention can let it go as a prefix (docs/retention.md).
        var now = clock.GetUtcNow().UtcDateTime;
        if (head is not null && head.ReceivedAt > now) now = head.ReceivedAt;
        var provider = StoreProvider.For(db);
        await provider.BeforeAppendAsync(db, now, cancellationToken);
        long first = seq + 1;
        var leaves = new List<byte[]>(fresh.Count);
        // Linked as they are written: on a server engine the server stores one event while the next is hashed.
        IEnumerable<AccessEvent> Linked()
        {
            foreach (var e in fresh)
            {
                e.ReceivedAt = now;
                hash = HashChain.Link(e, ++seq, hash, out var leaf);
                leaves.Add(leaf);
                yield return e;
            }
        }
        await provider.AppendEventsAsync(db, Linked(), cancellationToken);
        // The Merkle tree grows in the same transaction (a store from before the tree first gets its missing leaves).
        if (!limits.Value.WithoutMerkleLog)
        {
            await LogBackfill.CatchUpAsync(db, first - 1, cancellationToken);
            await new TileWriter(db).AppendAsync(first - 1, leaves, cancellationToken);
        }
        db.ChainHeads.Add(new ChainHead { FirstSeq = first, LastSeq = seq, Hash = hash, RecordedAt = now, Origin = Limit(origin, 256) });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new IngestResult(IngestStatus.Accepted, fresh.Count, duplicates, [], null, seq, HashChain.ToHex(hash));
    }

    private static async Task<HashSet<(string, string)>> ExistingAsync(AuditDbContext db, List<AccessEvent> events, CancellationToken cancellationToken)
    {
        var found = new HashSet<(string, string)>();
        foreach (var group in events.GroupBy(e => e.Source))
        {
            foreach (var chunk in group.Select(e => e.EventId).Chunk(1000))
            {
                var source = group.Key;
                var ids = chunk.ToList();
                var existing = await StoreProvider.For(db).StoredEventIdsAsync(db, source, ids, cancellationToken);
                foreach (var id in existing) found.Add((source, id));
            }
        }
        return found;
    }

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..max];
}
