using AuditDashboard.Core.Integrity.Notes;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Integrity.Log;

/// <summary>
/// Signs a checkpoint of the tree as stored, keeps it (one per size) and publishes it. It never signs a tree that
/// does not extend the last checkpoint it signed or published: a rewritten or truncated store is refused with a
/// <see cref="LogConsistencyException"/> instead of being vouched for.
/// </summary>
/// <param name="previousKeys">Keys this log signed with before a rotation: a published checkpoint signed by one of them is still the log's.</param>
public sealed class CheckpointMaker(NoteSigner signer, TimeProvider clock, LogPublisher? publisher = null, IReadOnlyList<NoteVerifier>? previousKeys = null)
{
    public string Origin => signer.Name;
    public string VerifierKey => signer.VerifierKey;
    public LogPublisher? Publisher => publisher;

    /// <summary>The checkpoint of the current tree (made now, or the last one when the tree has not grown); null for an empty store.</summary>
    public async Task<LogCheckpoint?> MakeAsync(AuditDbContext db, CancellationToken cancellationToken = default)
    {
        // No lock on the chain: stored hashes never change once a tile holds them, so the root of any size read
        // here stays right while ingest appends. Two makers signing the same size meet at its primary key.
        long size = await TileWriter.SizeAsync(db, cancellationToken);
        var latest = await db.LogCheckpoints.AsNoTracking().OrderByDescending(c => c.Size).ThenByDescending(c => c.KeyId == signer.KeyId).FirstOrDefaultAsync(cancellationToken);
        if (size == 0 && latest is null) return null;
        var tree = new LogTree(db);
        var root = await tree.RootAsync(size, cancellationToken);
        // The published checkpoint lives outside the database: a restored older copy of the store is behind it.
        if (Published() is { } published) await RequireExtendsAsync(tree, size, root, published, "the published checkpoint", cancellationToken);
        LogCheckpoint checkpoint;
        var existing = latest is not null && latest.Size == size && latest.KeyId == signer.KeyId ? latest
            : await db.LogCheckpoints.AsNoTracking().FirstOrDefaultAsync(c => c.Size == size && c.KeyId == signer.KeyId, cancellationToken);
        if (existing is not null && existing.Root.AsSpan().SequenceEqual(root))
        {
            checkpoint = existing;
        }
        else
        {
            if (latest is not null) await RequireExtendsAsync(tree, size, root, Checkpoint.Parse(SignedNote.Parse(latest.Note).Text), "the last checkpoint signed", cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var body = new Checkpoint(signer.Name, size, root, new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc));
            checkpoint = new LogCheckpoint { Size = size, KeyId = signer.KeyId, Root = root, MadeAt = now, Note = SignedNote.Sign(body.Text(), signer).ToString() };
            db.LogCheckpoints.Add(checkpoint);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance signed this size first: its checkpoint is the one kept and published.
                db.ChangeTracker.Clear();
                checkpoint = await db.LogCheckpoints.AsNoTracking().FirstOrDefaultAsync(c => c.Size == size && c.KeyId == signer.KeyId, cancellationToken) ?? throw new InvalidOperationException($"the checkpoint of {size} could not be stored");
                if (!checkpoint.Root.AsSpan().SequenceEqual(root))
                    throw new LogConsistencyException(BreakKind.Forked, size, $"another checkpoint of {size} events with another root was stored meanwhile: the log forked");
            }
        }
        if (publisher is not null) await publisher.PublishAsync(db, checkpoint, cancellationToken);
        return checkpoint;
    }

    private Checkpoint? Published()
    {
        if (publisher?.ReadLatest() is not { } text) return null;
        SignedNote note;
        try
        {
            note = SignedNote.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new LogConsistencyException(BreakKind.Forked, 1, $"the published checkpoint in {publisher.Directory} is not a signed note ({ex.Message})");
        }
        if (!note.IsSignedBy(NoteVerifier.Parse(signer.VerifierKey)) && !(previousKeys ?? []).Any(note.IsSignedBy))
            throw new LogConsistencyException(BreakKind.Forked, 1, $"the published checkpoint in {publisher.Directory} is not signed by this log's key {signer.VerifierKey} (nor by a key in Integrity:PreviousVerifierKeys)");
        return Checkpoint.Parse(note.Text);
    }

    private static async Task RequireExtendsAsync(LogTree tree, long size, byte[] root, Checkpoint signed, string which, CancellationToken cancellationToken)
    {
        string at = signed.Time is { } t ? $" at {CanonicalForm.FormatTimestamp(t)}" : "";
        if (signed.Size > size)
            throw new LogConsistencyException(BreakKind.Truncated, size + 1,
                $"the log holds {size} events but {which}{at} covers {signed.Size}: seq {size + 1} onwards was removed, or an older copy of the store was restored");
        bool extends = signed.Size == size
            ? signed.Root.AsSpan().SequenceEqual(root)
            : signed.Size == 0 || MerkleProofs.VerifyConsistency(signed.Size, size, signed.Root, root, await tree.ConsistencyProofAsync(signed.Size, size, cancellationToken));
        if (!extends)
            throw new LogConsistencyException(BreakKind.Forked, signed.Size,
                $"the log's first {signed.Size} events are not those {which}{at} covers: history at or before seq {signed.Size} was rewritten");
    }
}
