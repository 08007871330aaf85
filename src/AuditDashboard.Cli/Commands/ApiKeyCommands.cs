using System.CommandLine;
using AuditDashboard.Core.ApiKeys;
using Spectre.Console;

namespace AuditDashboard.Cli.Commands;

internal static class ApiKeyCommands
{
    public static Command Create(StoreOptions store)
    {
        var command = new Command("apikey", "Create, list and revoke ingest API keys (stored hashed; a key is shown once)");

        var name = new Argument<string>("name") { Description = "A name for the key, e.g. the source that will use it" };
        var sources = new Option<string[]>("--source")
        {
            Description = "A source the key may write (repeat for more; a trailing * allows a prefix, e.g. collector:*; * alone any but auditdashboard)",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var create = new Command("create", "Create a key; the key itself is printed alone on the last line") { name, sources };
        create.SetAction(async (parse, cancellationToken) =>
        {
            var keys = new ApiKeyService(await Store.OpenMigratedAsync(store, parse, cancellationToken), TimeProvider.System);
            try
            {
                var (key, secret) = await keys.CreateAsync(parse.GetValue(name)!, parse.GetValue(sources) ?? [], cancellationToken);
                Console.WriteLine($"Created API key '{key.Name}' ({key.Prefix}) for {SourcePolicy.For(key).Describe()}. Store it now: it is not shown again.");
                Console.WriteLine(secret);
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.Failed;
            }
        });

        var list = new Command("list", "List keys (names and prefixes only)");
        list.SetAction(async (parse, cancellationToken) =>
        {
            var keys = new ApiKeyService(await Store.OpenMigratedAsync(store, parse, cancellationToken), TimeProvider.System);
            var all = await keys.ListAsync(cancellationToken);
            if (all.Count == 0)
            {
                Console.WriteLine("No API keys. Create one with 'auditdash apikey create NAME'.");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("name", "prefix", "sources", "created (UTC)", "status");
            foreach (var k in all)
                table.AddRow(Markup.Escape(k.Name), k.Prefix, Markup.Escape(k.Sources is null ? "* (from before keys named sources)" : SourcePolicy.For(k).Describe()),
                    k.CreatedAt.ToString("u"), k.RevokedAt is { } r ? $"revoked {r:u}" : "active");
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });

        var which = new Argument<string>("name-or-prefix") { Description = "The key's name or prefix (adk_…)" };
        var revoke = new Command("revoke", "Revoke a key; requests with it are refused from then on") { which };
        revoke.SetAction(async (parse, cancellationToken) =>
        {
            var keys = new ApiKeyService(await Store.OpenMigratedAsync(store, parse, cancellationToken), TimeProvider.System);
            var target = parse.GetValue(which)!;
            if (await keys.RevokeAsync(target, cancellationToken))
            {
                Console.WriteLine($"Revoked API key '{target}'.");
                return ExitCodes.Ok;
            }
            Console.Error.WriteLine($"error: no active API key named or prefixed '{target}'");
            return ExitCodes.Failed;
        });

        command.Subcommands.Add(create);
        command.Subcommands.Add(list);
        command.Subcommands.Add(revoke);
        return command;
    }
}
