using System.CommandLine;
using AuditDashboard.Core.Integrity.Notes;

namespace AuditDashboard.Cli.Commands;

/// <summary><c>auditdash log</c>: the signed log's key and checkpoints.</summary>
internal static class LogCommands
{
    public static Command Create(StoreOptions store)
    {
        var command = new Command("log", "The signed Merkle log: its signing key and its checkpoints (docs/integrity.md)");
        command.Subcommands.Add(KeyCommand());

        var checkpoint = new Command("checkpoint", "Sign a checkpoint of the log now (kept in the database and published); prints it. Exit 1 when the store no longer extends what was signed");
        checkpoint.SetAction(async (parse, cancellationToken) =>
        {
            var maker = SignedLog.Maker();
            var factory = Store.Open(store, parse, mustExist: true);
            await using (var db = factory.CreateDbContext()) await Store.RequireCurrentSchemaAsync(db, cancellationToken);
            var made = await SignedLog.CheckpointAsync(factory, maker, cancellationToken);
            if (made is null) return ExitCodes.Failed;
            Console.Write(made.Note);
            if (maker.Publisher is { } publisher) Console.Error.WriteLine($"published to {publisher.Directory}");
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(checkpoint);
        command.Subcommands.Add(CosignCommand.Create(store));
        return command;
    }

    private static Command KeyCommand()
    {
        var key = new Command("key", "The log's Ed25519 signing key");
        var name = new Option<string?>("--name") { Description = "The key's name (default: Integrity:LogOrigin; a witness names itself, e.g. witness.acme.example)" };
        var output = new Option<string?>("--out") { Description = "Where to write the private key (default: Integrity:SigningKeyPath); never overwritten" };
        var cosigner = new Option<bool>("--cosigner") { Description = "Make a witness's cosignature key (tlog-cosignature, type 0x04) instead of the log's key" };
        var create = new Command("create", "Create a key pair: the private key goes to an owner-only file; the verifier key is printed for auditors and witnesses") { name, output, cosigner };
        create.SetAction(parse =>
        {
            var options = SignedLog.Options(out var contentRoot);
            bool witness = parse.GetValue(cosigner);
            var keyName = parse.GetValue(name) ?? (witness ? throw new UsageException("a cosigner key needs --name (the witness's own name)") : options.LogOrigin);
            var path = parse.GetValue(output) is { } o ? Path.GetFullPath(o) : options.ResolveKeyPath(contentRoot);
            if (NoteKeys.NameProblem(keyName) is { } problem) throw new UsageException(problem);
            using var signer = NoteSigner.Generate(keyName, witness ? NoteKeys.Cosignature : NoteKeys.Ed25519);
            try
            {
                SigningKeyFile.Create(path, signer);
            }
            catch (InvalidOperationException ex)
            {
                throw new UsageException(ex.Message);
            }
            Console.Error.WriteLine($"private key written to {path} (owner-only); keep a copy offline: checkpoints cannot be signed without it");
            Console.WriteLine(signer.VerifierKey);
            return ExitCodes.Ok;
        });
        var show = new Command("show", "Print the verifier key of the configured signing key");
        show.SetAction(_ =>
        {
            Console.WriteLine(SignedLog.Maker().VerifierKey);
            return ExitCodes.Ok;
        });
        key.Subcommands.Add(create);
        key.Subcommands.Add(show);
        return key;
    }
}
