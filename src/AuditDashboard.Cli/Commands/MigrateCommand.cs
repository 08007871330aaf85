using System.CommandLine;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Cli.Commands;

internal static class MigrateCommand
{
    public static Command Create(StoreOptions store)
    {
        var command = new Command("migrate", "Create the database if needed and apply every pending migration (append-only triggers included)");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var factory = Store.Open(store, parse, mustExist: false);
            await using var db = factory.CreateDbContext();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await AuditStore.MigrateAsync(db, cancellationToken);
            await AuditDashboard.Core.Integrity.Log.LogBackfill.CatchUpStoreAsync(factory, cancellationToken);
            Console.WriteLine(pending.Count == 0 ? "The schema is current." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
