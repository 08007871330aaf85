using System.CommandLine;
using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Integrity.Notes;
using AuditDashboard.Core.Integrity.Witness;

namespace AuditDashboard.Cli.Commands;

/// <summary><c>auditdash witness</c>: a second party that cosigns the log's checkpoints and refuses a rewritten history.</summary>
internal static class WitnessCommand
{
    public static Command Create()
    {
        var log = new Option<string>("--log") { Description = "The published log: a directory, or an http(s) URL serving checkpoint and tile/…", Required = true };
        var key = new Option<string>("--key") { Description = "The log's verifier key (NAME+ID+KEY, or a file holding it)", Required = true };
        var state = new Option<string>("--state") { Description = "The witness's memory: the last checkpoint it cosigned (created on first run)", Required = true };
        var signKey = new Option<string>("--sign-key") { Description = "The witness's own cosigner key file (auditdash log key create --cosigner --name NAME --out FILE)", Required = true };
        var output = new Option<string?>("--out") { Description = "Write the cosigned checkpoint here (default: standard output)" };
        var command = new Command("witness",
            "Check the log's latest checkpoint against the last one witnessed and cosign it (C2SP tlog-cosignature). Exit 0: cosigned; 1: refused (fork, rollback, bad signature); 2: usage")
        {
            log, key, state, signKey, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            NoteVerifier logKey;
            NoteSigner witnessKey;
            try
            {
                logKey = SignedCheckpoints.Key(parse.GetValue(key)!);
                witnessKey = SigningKeyFile.Load(Path.GetFullPath(parse.GetValue(signKey)!));
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                throw new UsageException(ex.Message);
            }
            if (witnessKey.Type != NoteKeys.Cosignature)
                throw new UsageException("--sign-key is not a cosigner key; make one with 'auditdash log key create --cosigner --name NAME --out FILE'");
            using var source = new LogSource(parse.GetValue(log)!);
            WitnessVerdict verdict;
            try
            {
                verdict = await new LogWitness(source, logKey, witnessKey, Path.GetFullPath(parse.GetValue(state)!), TimeProvider.System).WitnessAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is FormatException or IOException or HttpRequestException)
            {
                Console.Error.WriteLine($"REFUSED: {ex.Message}");
                return ExitCodes.Failed;
            }
            if (!verdict.Cosigned)
            {
                Console.Error.WriteLine($"REFUSED: {verdict.Message}.");
                if (verdict.Previous is not null) Console.Error.WriteLine($"--- the checkpoint witnessed before:\n{verdict.Previous}");
                Console.Error.WriteLine($"--- the checkpoint the log shows now:\n{verdict.Latest}");
                return ExitCodes.Failed;
            }
            Console.Error.WriteLine(verdict.Message);
            if (parse.GetValue(output) is { } file) await File.WriteAllTextAsync(file, verdict.Latest, cancellationToken);
            else Console.Write(verdict.Latest);
            return ExitCodes.Ok;
        });
        return command;
    }
}
