using System.CommandLine;
using System.Globalization;
using AuditDashboard.Core.Retention;

namespace AuditDashboard.Cli.Commands;

/// <summary><c>auditdash hold add|list|release</c>: legal holds that keep events past any retention period.</summary>
internal static class HoldCommands
{
    private static string By => $"{Environment.UserName} (auditdash CLI)";

    public static Command Create(StoreOptions store)
    {
        var command = new Command("hold", "Place, list and release legal holds: held events never leave the store, whatever Retention:Months says");

        var reason = new Option<string>("--reason") { Description = "why the events are kept (the matter, the request)", Required = true };
        var source = new Option<string?>("--source") { Description = "only events of this source" };
        var user = new Option<string?>("--user") { Description = "only events of this user id" };
        var from = new Option<string?>("--from") { Description = "start of the held period, yyyy-MM-dd UTC" };
        var to = new Option<string?>("--to") { Description = "end of the held period (exclusive), yyyy-MM-dd UTC" };
        var add = new Command("add", "Place a hold; prints its id") { reason, source, user, from, to };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var start = CliTime.Parse(parse.GetValue(from), "--from");
            var end = CliTime.Parse(parse.GetValue(to), "--to");
            var holds = new LegalHolds(await Store.OpenMigratedAsync(store, parse, cancellationToken), TimeProvider.System);
            try
            {
                var hold = await holds.PlaceAsync(parse.GetValue(reason)!, parse.GetValue(source), parse.GetValue(user), start, end, By, cancellationToken);
                Console.WriteLine($"Placed legal hold {hold.Id} on {hold.Scope()}: {hold.Reason}");
                return ExitCodes.Ok;
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message);
            }
        });

        var all = new Option<bool>("--all") { Description = "released holds too" };
        var list = new Command("list", "The holds in force (with --all, released ones too)") { all };
        list.SetAction(async (parse, cancellationToken) =>
        {
            var holds = new LegalHolds(Store.Open(store, parse, mustExist: true), TimeProvider.System);
            var found = await holds.ListAsync(parse.GetValue(all), cancellationToken);
            if (found.Count == 0) Console.WriteLine(parse.GetValue(all) ? "No legal holds." : "No legal hold is in force.");
            foreach (var h in found)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{h.Id}\t{(h.InForce ? "in force" : $"released {h.ReleasedAt:yyyy-MM-dd HH:mm} by {h.ReleasedBy}: {h.ReleaseReason}")}\t{h.Scope()}\t" +
                    $"placed {h.PlacedAt:yyyy-MM-dd HH:mm} by {h.PlacedBy}\t{h.Reason}"));
            }
            return ExitCodes.Ok;
        });

        var id = new Argument<long>("id") { Description = "the hold's id (hold list)" };
        var why = new Option<string>("--reason") { Description = "why the hold ends", Required = true };
        var release = new Command("release", "Release a hold; it stays listed with who released it and why") { id, why };
        release.SetAction(async (parse, cancellationToken) =>
        {
            var holds = new LegalHolds(Store.Open(store, parse, mustExist: true), TimeProvider.System);
            try
            {
                var hold = await holds.ReleaseAsync(parse.GetValue(id), parse.GetValue(why)!, By, cancellationToken);
                Console.WriteLine($"Released legal hold {hold.Id} ({hold.Scope()}): {hold.ReleaseReason}");
                return ExitCodes.Ok;
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message);
            }
        });

        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        command.Subcommands.Add(release);
        return command;
    }
}
