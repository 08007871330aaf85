using System.Text;
using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Integrity.Notes;

namespace AuditDashboard.Core.Integrity.Witness;

/// <summary>
/// A witness (C2SP tlog-witness semantics, run as a command): it checks that the log's latest checkpoint is signed
/// by the log and consistent with the last one it cosigned (computing the consistency proof from the log's tiles),
/// then cosigns it (tlog-cosignature v1) and remembers it. A fork, a rollback or a shrink is refused with both
/// checkpoints, and the state is left as it was.
/// </summary>
public sealed class LogWitness(LogSource log, NoteVerifier logKey, NoteSigner witnessKey, string statePath, TimeProvider clock)
{
    public async Task<WitnessVerdict> WitnessAsync(CancellationToken cancellationToken = default)
    {
        var bytes = await log.ReadAsync(TilePaths.Checkpoint, cancellationToken)
            ?? throw new IOException($"{log.Location} has no checkpoint");
        var latestText = Encoding.UTF8.GetString(bytes);
        var latest = SignedCheckpoints.Open(latestText, logKey, $"{log.Location}/{TilePaths.Checkpoint}");
        var note = SignedNote.Parse(latestText);
        string? previousText = File.Exists(statePath) ? SignedCheckpoints.ReadBounded(statePath) : null;
        var previous = previousText is null ? null : SignedCheckpoints.Open(previousText, logKey, $"the witness state {statePath}");
        var tree = new LogTree(TilePaths.Reader((path, ct) => log.ReadAsync(path, ct), latest.Size));

        if (previous is null)
        {
            // First sight: trust on first use, but only a checkpoint whose root the published tiles give.
            if (!(await RootAsync(tree, latest.Size, cancellationToken)).AsSpan().SequenceEqual(latest.Root))
                return WitnessVerdict.Refused($"the log's tiles do not give the root its checkpoint signs for {latest.Size} events", null, latestText);
        }
        else if (latest.Size < previous.Size)
        {
            return WitnessVerdict.Refused($"ROLLBACK: the log shrank to {latest.Size} events from the {previous.Size} it showed before: history was cut or an older copy restored",
                previousText, latestText);
        }
        else if (latest.Size == previous.Size && !latest.Root.AsSpan().SequenceEqual(previous.Root))
        {
            return WitnessVerdict.Refused($"FORK: the log signed two different trees of {latest.Size} events", previousText, latestText);
        }
        else if (latest.Size > previous.Size && previous.Size > 0)
        {
            List<byte[]> proof;
            try
            {
                proof = await tree.ConsistencyProofAsync(previous.Size, latest.Size, cancellationToken);
            }
            catch (InvalidOperationException ex)
            {
                return WitnessVerdict.Refused($"the log's tiles cannot prove it extends the last checkpoint cosigned ({ex.Message})", previousText, latestText);
            }
            if (!MerkleProofs.VerifyConsistency(previous.Size, latest.Size, previous.Root, latest.Root, proof))
                return WitnessVerdict.Refused($"FORK: the log's tree of {latest.Size} events does not extend the tree of {previous.Size} it showed before: history was rewritten",
                    previousText, latestText);
        }

        var cosigned = note.With(Cosignatures.Sign(note, witnessKey, clock.GetUtcNow())).ToString();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(statePath))!);
        var temp = statePath + ".tmp";
        await File.WriteAllTextAsync(temp, cosigned, cancellationToken);
        File.Move(temp, statePath, overwrite: true);
        var what = previous is null ? "first checkpoint seen" : latest.Size == previous.Size ? "unchanged since the last" : $"consistent with {previous.Size}";
        return new WitnessVerdict(true, $"cosigned {latest.Origin} at {latest.Size} events ({what})", previousText, cosigned);
    }

    private static async Task<byte[]> RootAsync(LogTree tree, long size, CancellationToken cancellationToken)
    {
        try
        {
            return await tree.RootAsync(size, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return [];
        }
    }
}
