using System.CommandLine;
using System.Data.Common;
using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Integrity.Log;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Cli.Commands;

internal static class VerifyCommand
{
    public static Command Create(StoreOptions store)
    {
        var checkpointFiles = new Option<string[]>("--checkpoint") { Description = "A signed checkpoint the store must still hold (repeatable)", Arity = ArgumentArity.OneOrMore };
        var logDir = new Option<string?>("--log") { Description = "A published log directory: every checkpoint in it (checkpoint, checkpoints/*)" };
        var key = new Option<string[]>("--key") { Description = "The log's verifier key (NAME+ID+KEY, or a file holding it); required with --checkpoint or --log; repeat it for the keys from before a rotation", Arity = ArgumentArity.OneOrMore };
        var command = new Command("verify",
            "Recompute the hash chain and the Merkle log over every stored event, and check them against signed checkpoints. Exit 0: intact; 1: tampered (first broken seq and kind printed); 2: usage or connection error")
        {
            checkpointFiles, logDir, key,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var checkpoints = ReadCheckpoints(parse.GetValue(checkpointFiles) ?? [], parse.GetValue(logDir), parse.GetValue(key), out var untrusted);
            if (untrusted is not null)
            {
                Console.WriteLine($"UNTRUSTED checkpoint: {untrusted}.");
                return ExitCodes.Failed;
            }
            var factory = Store.Open(store, parse, mustExist: true);
            await using var db = factory.CreateDbContext();
            await Store.RequireCurrentSchemaAsync(db, cancellationToken);
            long total = await db.Events.OrderByDescending(e => e.Seq).Select(e => e.Seq).FirstOrDefaultAsync(cancellationToken);
            var result = await ProgressOutput.RunAsync("verifying", total, progress => ChainVerifier.VerifyAsync(db, checkpoints, progress, cancellationToken));
            if (result.Intact && parse.GetValue(logDir) is { } published && await PublishedLogCheck.CompareAsync(db, published, cancellationToken) is { } differs)
                result = result with { Intact = false, Kind = BreakKind.Forked, FirstBrokenSeq = differs.Seq, Message = differs.Message };
            if (result.Intact && await BoundaryUntrustedAsync(db, parse.GetValue(key), cancellationToken) is { } unsigned)
            {
                Console.WriteLine($"UNTRUSTED retention boundary: {unsigned}.");
                return ExitCodes.Failed;
            }
            if (result.Intact)
            {
                Console.WriteLine($"INTACT: {result.Message}.");
                Console.WriteLine($"Chain head: seq {result.HeadSeq} {result.HeadHash}");
                return ExitCodes.Ok;
            }
            Console.WriteLine($"TAMPERED at seq {result.FirstBrokenSeq} ({result.Kind.ToString().ToLowerInvariant()}): {result.Message}.");
            Console.WriteLine($"Verified intact before it: {result.EventsChecked} events, up to seq {result.HeadSeq} {result.HeadHash}");
            try
            {
                var runner = new DetectionRunner(factory, new DetectionOptions(), TimeProvider.System);
                Console.WriteLine(await runner.RecordVerificationAsync(result, cancellationToken) > 0
                    ? $"Raised a critical {IntegrityBreak.Name} alert."
                    : $"The {IntegrityBreak.Name} alert for this break was already raised; updated it.");
            }
            catch (DbException ex)
            {
                // Verification stands on its own; a store that cannot take the alert (read-only, say) must not hide it.
                Console.Error.WriteLine($"Could not record the {IntegrityBreak.Name} alert: {ex.Message}");
            }
            return ExitCodes.Failed;
        });
        return command;
    }

    /// <summary>
    /// With --key, the checkpoint recorded at the last retention boundary must be signed by one of the keys: it is
    /// the trust anchor for every event that left. Without a key its root is still checked against the tree.
    /// </summary>
    private static async Task<string?> BoundaryUntrustedAsync(Core.Storage.AuditDbContext db, string[]? keyTexts, CancellationToken cancellationToken)
    {
        var boundary = await Core.Retention.RetentionPlanner.LastBoundaryAsync(db, cancellationToken);
        if (boundary is null) return null;
        if (keyTexts is not { Length: > 0 })
        {
            Console.Error.WriteLine($"the checkpoint at the retention boundary (seq {boundary.LastSeq}) was not checked for its signature: give --key to check it");
            return null;
        }
        try
        {
            SignedCheckpoints.Open(boundary.CheckpointNote, keyTexts.Select(k => SignedCheckpoints.Key(k)).ToList(), $"the checkpoint recorded at the retention boundary (seq {boundary.LastSeq})");
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The checkpoints to verify against; a file that is not a checkpoint signed by the key is reported in <paramref name="untrusted"/>.</summary>
    private static List<Checkpoint> ReadCheckpoints(string[] files, string? directory, string[]? keyTexts, out string? untrusted)
    {
        untrusted = null;
        if (files.Length == 0 && directory is null) return [];
        if (keyTexts is not { Length: > 0 }) throw new UsageException("--checkpoint and --log need --key, the log's verifier key (auditdash log key show prints it)");
        List<Core.Integrity.Notes.NoteVerifier> key;
        try
        {
            key = keyTexts.Select(k => SignedCheckpoints.Key(k)).ToList();
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message);
        }
        var checkpoints = new List<Checkpoint>();
        try
        {
            var all = files.Select(f => (Source: f, Note: SignedCheckpoints.ReadBounded(f)))
                .Concat(directory is null ? [] : SignedCheckpoints.ReadDirectory(directory)).ToList();
            if (all.Count == 0) throw new UsageException($"{directory} holds no checkpoint");
            foreach (var (source, note) in all) checkpoints.Add(SignedCheckpoints.Open(note, key, source));
        }
        catch (FormatException ex)
        {
            untrusted = ex.Message;
        }
        Console.Error.WriteLine($"checking against {checkpoints.Count} signed checkpoint(s)");
        return checkpoints;
    }
}
