using System.CommandLine;
using System.Globalization;
using AuditDashboard.Core.Ingest;
using AuditDashboard.Core.Simulation;

namespace AuditDashboard.Cli.Commands;

internal static class SimulateCommand
{
    public static Command Create(StoreOptions store)
    {
        var days = new Option<int>("--days") { Description = "Days of traffic", DefaultValueFactory = _ => 14 };
        var users = new Option<int>("--users") { Description = "Number of users", DefaultValueFactory = _ => 40 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed and end give the same events", DefaultValueFactory = _ => 42 };
        var end = new Option<string?>("--end") { Description = "End of the period (exclusive), yyyy-MM-dd UTC; default: now" };
        var noAttacks = new Option<bool>("--no-attacks") { Description = "Leave out the labelled attack scenarios" };
        var command = new Command("simulate", "Generate realistic OIDC traffic with labelled attack scenarios and ingest it")
        {
            days, users, seed, end, noAttacks,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new SimulationOptions
            {
                Days = parse.GetValue(days),
                Users = parse.GetValue(users),
                Seed = parse.GetValue(seed),
                Attacks = !parse.GetValue(noAttacks),
            };
            if (parse.GetValue(end) is { } endText)
            {
                if (!DateTime.TryParseExact(endText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
                    throw new UsageException($"--end '{endText}' is not a date (yyyy-MM-dd)");
                options.End = parsed;
            }
            var errors = options.Validate("--").ToList();
            if (errors.Count > 0) throw new UsageException(string.Join(Environment.NewLine, errors).Replace("--Days", "--days").Replace("--Users", "--users"));

            var factory = await Store.OpenMigratedAsync(store, parse, cancellationToken);
            var runner = new SimulationRunner(new IngestService(factory, new IngestOptions(), TimeProvider.System), TimeProvider.System);
            var summary = await ProgressOutput.RunAsync("simulating", null, async progress =>
                await runner.RunAsync(options, "cli:simulate", new Progress<int>(n => progress.Report(n)), cancellationToken));
            Console.WriteLine($"Simulated {summary.Start:yyyy-MM-dd HH:mm} to {summary.End:yyyy-MM-dd HH:mm} UTC (seed {options.Seed}, {options.Users} users): " +
                              $"{summary.Generated} events, {summary.Accepted} stored, {summary.Duplicates} duplicates.");
            Console.WriteLine($"Chain head: seq {summary.HeadSeq} {summary.HeadHash}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
