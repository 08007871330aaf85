using System.CommandLine;
using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Integrity.Notes;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Cli.Commands;

/// <summary><c>auditdash log cosign</c>: keeps a witness's cosignature with the checkpoint it signed, so reports and proofs carry it.</summary>
internal static class CosignCommand
{
    public static Command Create(StoreOptions store)
    {
        var file = new Argument<string>("file") { Description = "The cosigned checkpoint the witness wrote (auditdash witness --out FILE)" };
        var witnessKey = new Option<string[]>("--witness-key") { Description = "The witness's verifier key (repeat for several witnesses)", Required = true, Arity = ArgumentArity.OneOrMore };
        var command = new Command("cosign", "Keep witnesses' cosignatures on one of the log's checkpoints (each verified first); reports and proofs then carry them")
        {
            file, witnessKey,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var maker = SignedLog.Maker();
            var options = SignedLog.Options(out _);
            List<NoteVerifier> witnesses;
            SignedNote note;
            Checkpoint checkpoint;
            try
            {
                witnesses = (parse.GetValue(witnessKey) ?? []).Select(k => SignedCheckpoints.Key(k, "--witness-key")).ToList();
                if (witnesses.Any(w => w.Type != NoteKeys.Cosignature)) throw new FormatException("--witness-key: not a cosignature key (type 0x04)");
                var text = SignedCheckpoints.ReadBounded(parse.GetValue(file)!);
                checkpoint = SignedCheckpoints.Open(text, [NoteVerifier.Parse(maker.VerifierKey), .. options.PreviousKeys()], parse.GetValue(file)!);
                note = SignedNote.Parse(text);
            }
            catch (FormatException ex)
            {
                throw new UsageException(ex.Message);
            }
            var factory = Store.Open(store, parse, mustExist: true);
            await using var db = factory.CreateDbContext();
            await Store.RequireCurrentSchemaAsync(db, cancellationToken);
            var kept = (await db.LogCheckpoints.AsNoTracking().Where(c => c.Size == checkpoint.Size).ToListAsync(cancellationToken))
                .FirstOrDefault(c => SignedNote.Parse(c.Note).Text == note.Text);
            if (kept is null)
            {
                Console.Error.WriteLine($"error: the store keeps no checkpoint of {checkpoint.Size} events with that text: the witness cosigned something this log did not sign here");
                return ExitCodes.Failed;
            }
            int added = 0;
            foreach (var witness in witnesses)
            {
                if (Cosignatures.Verify(note, witness) is not { } at)
                {
                    Console.Error.WriteLine($"error: {parse.GetValue(file)} holds no valid cosignature by {witness.Text}");
                    return ExitCodes.Failed;
                }
                var line = note.Signatures.First(s => s.Name == witness.Name && s.KeyId == witness.KeyId).Line();
                if (await db.LogCosignatures.AnyAsync(c => c.CheckpointSize == kept.Size && c.Witness == witness.Name && c.KeyId == witness.KeyId, cancellationToken)) continue;
                db.LogCosignatures.Add(new LogCosignature
                {
                    CheckpointSize = kept.Size, Witness = witness.Name, KeyId = witness.KeyId, Line = line,
                    SignedAt = at.UtcDateTime, AddedAt = DateTime.UtcNow,
                });
                added++;
            }
            await db.SaveChangesAsync(cancellationToken);
            Console.WriteLine($"Kept {added} new cosignature(s) on the checkpoint of {kept.Size} events ({string.Join(", ", witnesses.Select(w => w.Name))}).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
