using System.CommandLine;
using AuditDashboard.Core.Integrity;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Cli.Commands;

internal static class VerifyCommand
{
    public static Command Create(StoreOptions store)
    {
        var command = new Command("verify",
            "Recompute the hash chain over every stored event. Exit 0: intact; 1: tampered (first broken seq printed); 2: usage or connection error");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var factory = Store.Open(store, parse, mustExist: true);
            await using var db = factory.CreateDbContext();
            await Store.RequireCurrentSchemaAsync(db, cancellationToken);
            long total = await db.Events.OrderByDescending(e => e.Seq).Select(e => e.Seq).FirstOrDefaultAsync(cancellationToken);
            var result = await ProgressOutput.RunAsync("verifying", total, progress => ChainVerifier.VerifyAsync(db, progress, cancellationToken));
            if (result.Intact)
            {
                Console.WriteLine($"INTACT: {result.Message}.");
                Console.WriteLine($"Chain head: seq {result.HeadSeq} {result.HeadHash}");
                return ExitCodes.Ok;
            }
            Console.WriteLine($"TAMPERED at seq {result.FirstBrokenSeq} ({result.Kind.ToString().ToLowerInvariant()}): {result.Message}.");
            Console.WriteLine($"Verified intact before it: {result.EventsChecked} events, up to seq {result.HeadSeq} {result.HeadHash}");
            return ExitCodes.Failed;
        });
        return command;
    }
}
