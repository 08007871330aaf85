using System.CommandLine;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Cli.Commands;

/// <summary><c>auditdash grant --role NAME</c>: run by the owner after <c>migrate</c>, gives the runtime role its privileges.</summary>
internal static class GrantCommand
{
    public static Command Create(StoreOptions store)
    {
        var role = new Option<string>("--role") { Description = "the role the dashboard connects as (it must exist)", Required = true };
        var print = new Option<bool>("--print") { Description = "print the statements instead of running them" };
        var command = new Command("grant", "Give the runtime role INSERT and SELECT on the evidence tables, DML on the derived ones, and nothing more (PostgreSQL)")
        {
            role, print,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var factory = Store.Open(store, parse, mustExist: true);
            await using var db = factory.CreateDbContext();
            await Store.RequireCurrentSchemaAsync(db, cancellationToken);
            IReadOnlyList<string> statements;
            try
            {
                statements = RuntimeRole.GrantStatements(db, parse.GetValue(role)!);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                throw new UsageException(ex.Message);
            }
            if (!await RuntimeRole.IsOwnerAsync(db, cancellationToken))
                throw new UsageException("grant must run as the owner of the tables (the principal that ran 'auditdash migrate'), not as the runtime role");
            if (parse.GetValue(print))
            {
                foreach (var s in statements) Console.WriteLine(s + ";");
                return ExitCodes.Ok;
            }
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var s in statements) await db.Database.ExecuteSqlRawAsync(s, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            Console.WriteLine($"Granted the runtime privileges to '{parse.GetValue(role)}' ({statements.Count} statements): " +
                $"INSERT and SELECT only on {string.Join(", ", RuntimeRole.AppendOnlyTables)}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
