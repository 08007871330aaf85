using AuditDashboard.Core.Integrity.Notes;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Integrity.Log;

/// <summary>
/// Per event: <c>N.json</c>, its canonical bytes (exactly the leaf data), and <c>N.tlog-proof</c>, its inclusion in
/// a signed checkpoint. Together with the log's verifier key they prove the event offline, with no database.
/// </summary>
public static class EventProofs
{
    public const int MaxEvents = 10_000;

    /// <summary>The files for each seq, in the order given; throws <see cref="ArgumentException"/> for a seq the checkpoint does not cover.</summary>
    public static async Task<List<(string Name, byte[] Content)>> CreateAsync(AuditDbContext db, LogCheckpoint checkpoint, IReadOnlyCollection<long> seqs,
        CancellationToken cancellationToken = default)
    {
        if (seqs.Count > MaxEvents) throw new ArgumentException($"at most {MaxEvents} events' proofs at once");
        var outside = seqs.Where(s => s < 1 || s > checkpoint.Size).ToList();
        if (outside.Count > 0)
            throw new ArgumentException($"seq {string.Join(", ", outside.Take(5))} is not covered by the checkpoint of {checkpoint.Size} events");
        var note = await NoteWithCosignaturesAsync(db, checkpoint, cancellationToken);
        var tree = new LogTree(db);
        var files = new List<(string, byte[])>();
        foreach (var seq in seqs.Distinct())
        {
            var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Seq == seq, cancellationToken)
                ?? throw new ArgumentException(await db.RetentionBoundaries.AsNoTracking().Where(b => b.FirstSeq <= seq && b.LastSeq >= seq).FirstOrDefaultAsync(cancellationToken) is { } gone
                    ? $"seq {seq} left the store with {gone.Month} on {CanonicalForm.FormatTimestamp(gone.PurgedAt)} (retention): it is in the archive {gone.Archive}, which the published tiles prove (docs/retention.md)"
                    : $"there is no event at seq {seq}");
            var proof = await tree.InclusionProofAsync(seq - 1, checkpoint.Size, cancellationToken);
            files.Add(($"{seq}.json", CanonicalForm.GetBytes(e)));
            files.Add(($"{seq}.tlog-proof", System.Text.Encoding.UTF8.GetBytes(new TlogProof(seq - 1, proof, note).ToString())));
        }
        return files;
    }

    /// <summary>The checkpoint as signed, with the cosignatures witnesses have added since.</summary>
    public static async Task<string> NoteWithCosignaturesAsync(AuditDbContext db, LogCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        var lines = await db.LogCosignatures.AsNoTracking().Where(c => c.CheckpointSize == checkpoint.Size).OrderBy(c => c.Witness).Select(c => c.Line).ToListAsync(cancellationToken);
        if (lines.Count == 0) return checkpoint.Note;
        var note = SignedNote.Parse(checkpoint.Note);
        foreach (var line in lines) note = note.With(NoteSignature.Parse(line.TrimEnd('\n')));
        return note.ToString();
    }

    /// <summary>The canonical form's seq, or null when the bytes are not an event's canonical form.</summary>
    public static long? SeqOf(byte[] json)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("seq", out var seq) && seq.TryGetInt64(out var n) ? n : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Null when <paramref name="json"/> is in the log under the proof's checkpoint signed by <paramref name="key"/>; else why not.</summary>
    public static string? Verify(byte[] json, string proofText, NoteVerifier key, out Checkpoint? checkpoint)
    {
        checkpoint = null;
        TlogProof proof;
        try
        {
            proof = TlogProof.Parse(proofText);
            checkpoint = SignedCheckpoints.Open(proof.CheckpointNote, key, "its checkpoint");
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
        if (proof.Index >= checkpoint.Size) return $"index {proof.Index} is outside the checkpoint of {checkpoint.Size} events";
        if (SeqOf(json) != proof.Index + 1) return $"the event's seq is not {proof.Index + 1}, the seq of index {proof.Index}";
        if (!MerkleProofs.VerifyInclusion(proof.Index, checkpoint.Size, MerkleHash.Leaf(json), proof.Proof, checkpoint.Root))
            return $"the event is not at index {proof.Index} of the tree the checkpoint signs: the event or the proof was altered";
        return null;
    }
}
