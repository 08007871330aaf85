using System.CommandLine;
using AuditDashboard.Core.Import;
using AuditDashboard.Core.Ingest;

namespace AuditDashboard.Cli.Commands;

internal static class ImportCommand
{
    public static Command Create(StoreOptions store)
    {
        var format = new Option<string>("--format") { Description = $"One of: {string.Join(", ", ImportService.Mappers.Keys)}", Required = true };
        var source = new Option<string?>("--source") { Description = "Source name for the events (default: derived per format, e.g. okta, keycloak:REALM, entra:TENANT)" };
        var files = new Argument<string[]>("FILE") { Description = "Vendor log files (JSON array, NDJSON, an envelope object, or CEF lines)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("import", "Import vendor log files, each all or nothing; importing a file again stores nothing new. Exit 1 if a file was refused")
        {
            format, source, files,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(format)!;
            if (!ImportService.Mappers.ContainsKey(name))
                throw new UsageException($"--format '{name}' is not one of {string.Join(", ", ImportService.Mappers.Keys)}");
            var paths = parse.GetValue(files)!;
            foreach (var missing in paths.Where(p => !File.Exists(p))) throw new UsageException($"no file {missing}");
            var factory = await Store.OpenMigratedAsync(store, parse, cancellationToken);
            var service = new ImportService(new IngestService(factory, new IngestOptions(), TimeProvider.System));
            int exit = ExitCodes.Ok;
            foreach (var path in paths)
            {
                // Streamed: the file is read record by record, twice (check, then store), never whole.
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                var result = await ProgressOutput.RunAsync($"importing {Path.GetFileName(path)}", null,
                    progress => service.ImportAsync(stream, name, parse.GetValue(source), "cli:import", progress, cancellationToken,
                        AuditDashboard.Core.ApiKeys.SourcePolicy.AnyButReserved("auditdash import")));
                if (!result.Succeeded)
                {
                    Console.Error.WriteLine($"{path}: refused, nothing stored ({result.Errors.Count} problem(s)):");
                    foreach (var error in result.Errors) Console.Error.WriteLine("  " + error);
                    exit = ExitCodes.Failed;
                    continue;
                }
                Console.WriteLine($"{path}: {result.Records} records, {result.Accepted} events stored, {result.Duplicates} duplicates" +
                    (result.Skipped.Count == 0 ? "" : $", skipped (types outside the taxonomy): {string.Join(", ", result.Skipped.Select(s => $"{s.Key} ×{s.Value}"))}"));
                if (result.Accepted > 0) Console.WriteLine($"  chain head: seq {result.HeadSeq} {result.HeadHash}");
            }
            return exit;
        });
        return command;
    }
}
