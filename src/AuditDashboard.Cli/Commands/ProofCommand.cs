using System.CommandLine;
using AuditDashboard.Core.Integrity.Log;

namespace AuditDashboard.Cli.Commands;

/// <summary><c>auditdash proof</c>: an event's offline evidence, its canonical bytes and its C2SP tlog-proof.</summary>
internal static class ProofCommand
{
    public static Command Create(StoreOptions store)
    {
        var seqs = new Option<long[]>("--seq") { Description = "The event's seq (repeatable)", Required = true, Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "The folder for N.json and N.tlog-proof", Required = true };
        var command = new Command("proof",
            "Write, per event, N.json (its canonical bytes, the Merkle leaf) and N.tlog-proof (its inclusion in a checkpoint signed now); check them with 'auditdash verify-bundle' or tlogcheck-like tools")
        {
            seqs, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var maker = SignedLog.Maker();
            var factory = Store.Open(store, parse, mustExist: true);
            await using (var check = factory.CreateDbContext()) await Store.RequireCurrentSchemaAsync(check, cancellationToken);
            var checkpoint = await SignedLog.CheckpointAsync(factory, maker, cancellationToken);
            if (checkpoint is null) return ExitCodes.Failed;
            await using var db = factory.CreateDbContext();
            List<(string Name, byte[] Content)> files;
            try
            {
                files = await EventProofs.CreateAsync(db, checkpoint, parse.GetValue(seqs)!, cancellationToken);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.Failed;
            }
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(folder);
            foreach (var (name, content) in files) await File.WriteAllBytesAsync(Path.Combine(folder, name), content, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, "verifier-key.txt"), maker.VerifierKey + "\n", cancellationToken);
            Console.WriteLine($"Wrote {files.Count / 2} event proof(s) against checkpoint {maker.Origin} at {checkpoint.Size} events to {folder}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
