using System.CommandLine;
using AuditDashboard.Cli.Commands;
using AuditDashboard.Core.Storage;

namespace AuditDashboard.Cli;

/// <summary><c>auditdash</c>: operate the audit store without the web app.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var store = new StoreOptions();
        var root = new RootCommand("auditdash: operate the AuditDashboard audit store (migrate, API keys, demo traffic, integrity verification)");
        store.AddTo(root);
        root.Subcommands.Add(MigrateCommand.Create(store));
        root.Subcommands.Add(GrantCommand.Create(store));
        root.Subcommands.Add(HoldCommands.Create(store));
        root.Subcommands.Add(RetentionCommands.Create(store));
        root.Subcommands.Add(ApiKeyCommands.Create(store));
        root.Subcommands.Add(SimulateCommand.Create(store));
        root.Subcommands.Add(VerifyCommand.Create(store));
        root.Subcommands.Add(LogCommands.Create(store));
        root.Subcommands.Add(WitnessCommand.Create());
        root.Subcommands.Add(ProofCommand.Create(store));
        root.Subcommands.Add(VerifyBundleCommand.Create());
        root.Subcommands.Add(DetectCommand.Create(store));
        root.Subcommands.Add(ReportCommand.Create(store));
        root.Subcommands.Add(ImportCommand.Create(store));
        root.Subcommands.Add(ExportCommand.Create(store));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine($"error: {error.Message}");
            Console.Error.WriteLine("Run 'auditdash --help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (StoreProvider.IsStoreFailure(ex))
        {
            Console.Error.WriteLine($"error: the database could not be used: {StoreProvider.Explain(ex)}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Neither "intact" nor "tampered": the command could not do its work.
            Console.Error.WriteLine($"error: {ex.GetType().Name}: {ex.Message}");
            // The stack trace is for whoever fixes the bug, not for every user.
            if (Environment.GetEnvironmentVariable("AUDITDASH_DEBUG") == "1") Console.Error.WriteLine(ex);
            return ExitCodes.Usage;
        }
    }
}
