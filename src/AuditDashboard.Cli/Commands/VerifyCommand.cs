using System.CommandLine;
using System.Data.Common;
using AuditDashboard.Core.Detection;
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
}
