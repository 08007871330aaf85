using System.CommandLine;
using AuditDashboard.Core.Compliance;
using AuditDashboard.Core.Integrity.Log;

namespace AuditDashboard.Cli.Commands;

/// <summary><c>auditdash verify-bundle</c>: a report's evidence checked with nothing but the bundle and the log's verifier key.</summary>
internal static class VerifyBundleCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("bundle") { Description = "The report's evidence bundle (ZIP)" };
        var key = new Option<string>("--key") { Description = "The log's verifier key (NAME+ID+KEY, or a file holding it), obtained from the log's owner", Required = true };
        var witnessKeys = new Option<string[]>("--witness-key") { Description = "A witness whose cosignature the checkpoint must carry (repeatable)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("verify-bundle",
            "Verify a report's evidence bundle offline, with no database: its checkpoint's signature and every sampled event's inclusion proof. Exit 0: verified; 1: not; 2: usage")
        {
            file, key, witnessKeys,
        };
        command.SetAction(parse =>
        {
            Core.Integrity.Notes.NoteVerifier verifier;
            List<Core.Integrity.Notes.NoteVerifier> witnesses;
            try
            {
                verifier = SignedCheckpoints.Key(parse.GetValue(key)!);
                witnesses = (parse.GetValue(witnessKeys) ?? []).Select(k => SignedCheckpoints.Key(k, "--witness-key")).ToList();
            }
            catch (FormatException ex)
            {
                throw new UsageException(ex.Message);
            }
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new UsageException($"no bundle at {path}");
            using var stream = File.OpenRead(path);
            var result = BundleVerifier.Verify(stream, verifier, witnesses);
            if (result.Verified)
            {
                Console.WriteLine($"VERIFIED: {result.EventsProven} sampled event(s) are in the checkpoint {result.Checkpoint}, signed by {verifier.Name} ({verifier.KeyId:x8}).");
                Console.WriteLine(result.Cosigners.Count == 0 ? "Cosigned by no witness." : witnesses.Count > 0
                    ? $"Cosigned by {string.Join(", ", witnesses.Select(w => w.Name))}, each verified with its key."
                    : $"Also cosigned by: {string.Join(", ", result.Cosigners)} (pass --witness-key to rely on them)."); 
                return ExitCodes.Ok;
            }
            Console.WriteLine($"NOT VERIFIED: {(result.Problems.Count == 0 ? "the bundle holds no event proofs" : $"{result.Problems.Count} problem(s)")}.");
            foreach (var problem in result.Problems.Take(50)) Console.WriteLine($"  {problem}");
            return ExitCodes.Failed;
        });
        return command;
    }
}
