using System.CommandLine;
using AuditDashboard.Core.Retention;
using AuditDashboard.Core.Storage;

namespace AuditDashboard.Cli.Commands;

/// <summary><c>auditdash retention plan|apply</c>: the months past Retention:Months, and letting them go (docs/retention.md).</summary>
internal static class RetentionCommands
{
    public static Command Create(StoreOptions store)
    {
        var command = new Command("retention", "The months past Retention:Months: what may leave and what keeps the rest (plan), and letting them go (apply)");
        var plan = new Command("plan", "List the months past the retention period, oldest first, and what keeps each one; changes nothing");
        plan.SetAction(async (parse, cancellationToken) =>
        {
            int months = Months();
            var factory = Store.Open(store, parse, mustExist: true);
            await using var db = factory.CreateDbContext();
            await Store.RequireCurrentSchemaAsync(db, cancellationToken);
            var found = await RetentionPlanner.PlanAsync(db, months, DateTime.UtcNow, cancellationToken);
            Print(found, months);
            return ExitCodes.Ok;
        });

        var apply = new Command("apply",
            "Let the months past the retention period go, oldest first: each after a signed checkpoint covers it, its events and the log's tiles are archived " +
            "to Integrity:PublishDirectory and read back, and no legal hold keeps it; each purge is recorded in the chain");
        apply.SetAction(async (parse, cancellationToken) =>
        {
            int months = Months();
            var maker = SignedLog.Maker();
            var factory = await Store.OpenMigratedAsync(store, parse, cancellationToken);
            var purge = new RetentionPurge(factory, maker, TimeProvider.System);
            RetentionResult result;
            try
            {
                result = await purge.ApplyAsync(months, $"{Environment.UserName} (auditdash CLI)", dryRun: false, cancellationToken);
            }
            catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"Nothing more left the store: {ex.Message}");
                return ExitCodes.Failed;
            }
            // What left is listed as purged; what stays, with why.
            var kept = result.Plan.Where(m => m.KeptBecause is not null).ToList();
            if (result.Purged.Count == 0 || kept.Count > 0) Print(kept, months);
            foreach (var b in result.Purged)
                Console.WriteLine($"Purged {b.Month}: seq {b.FirstSeq} to {b.LastSeq} ({b.Count} events), archived in {Path.Combine(maker.Publisher!.Directory, b.Archive)}");
            if (result.Purged.Count > 0)
                Console.WriteLine($"The store now starts at seq {result.Purged[^1].LastSeq + 1}; the checkpoint of {result.Checkpoint!.Size} events recorded with the boundary is the trust anchor for what left.");
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(plan);
        command.Subcommands.Add(apply);
        return command;
    }

    private static int Months()
    {
        var (configuration, _) = CliConfiguration.Load();
        var options = CliConfiguration.Section<RetentionOptions>(configuration, RetentionOptions.Section, o => o.Validate());
        return options.Months ?? throw new UsageException("Retention:Months is not set: retention is off and nothing leaves the store (set it, e.g. Retention__Months=13)");
    }

    private static void Print(IReadOnlyList<RetentionMonth> plan, int months)
    {
        if (plan.Count == 0) Console.WriteLine($"No month is past the retention period ({months} whole months kept before this one).");
        foreach (var m in plan)
            Console.WriteLine(m.KeptBecause is null
                ? $"{m.Name}\tmay leave\tseq {m.FirstSeq} to {m.LastSeq} ({m.Count} events)"
                : $"{m.Name}\tkept\tseq {m.FirstSeq} to {m.LastSeq} ({m.Count} events): {m.KeptBecause}");
    }
}
