using System.CommandLine;
using System.Text;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Explorer;
using AuditDashboard.Core.Export;

namespace AuditDashboard.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create(StoreOptions store)
    {
        var format = new Option<string>("--format") { Description = "ocsf (OCSF 1.3 Authentication, JSON lines), cef (ArcSight CEF lines) or ndjson (canonical)", Required = true };
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)" };
        var from = new Option<string?>("--from") { Description = "Start, yyyy-MM-dd[THH:mm] UTC" };
        var to = new Option<string?>("--to") { Description = "End (exclusive), yyyy-MM-dd[THH:mm] UTC" };
        var source = new Option<string?>("--source") { Description = "Only events of this source" };
        var types = new Option<string[]>("--type") { Description = "Only these event types (repeatable)" };
        var user = new Option<string?>("--user") { Description = "Only this user (id or name)" };
        var command = new Command("export", "Export events for a SIEM as OCSF, CEF or canonical NDJSON, newest first")
        {
            format, output, from, to, source, types, user,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            Func<AccessEvent, string> line = parse.GetValue(format) switch
            {
                "ocsf" => OcsfExport.Line,
                "cef" => CefExport.Line,
                "ndjson" => e => EventJson.ToJson(e, includeChain: true),
                var other => throw new UsageException($"--format '{other}' is not ocsf, cef or ndjson"),
            };
            var filter = new EventFilter
            {
                From = CliTime.Parse(parse.GetValue(from), "--from"), To = CliTime.Parse(parse.GetValue(to), "--to"),
                Source = parse.GetValue(source), EventTypes = parse.GetValue(types) ?? [], User = parse.GetValue(user),
            };
            var problems = filter.Validate().ToList();
            foreach (var t in filter.EventTypes.Where(t => !EventTypes.All.Contains(t))) problems.Add($"'{t}' is not an event type");
            if (problems.Count > 0) throw new UsageException(string.Join(Environment.NewLine, problems));

            var factory = Store.Open(store, parse, mustExist: true);
            await using (var db = factory.CreateDbContext()) await Store.RequireCurrentSchemaAsync(db, cancellationToken);
            var path = parse.GetValue(output);
            await using var target = path is null ? Console.OpenStandardOutput() : File.Create(path);
            await using var writer = new StreamWriter(target, new UTF8Encoding(false), 1 << 16);
            long n = 0;
            await foreach (var e in EventQueries.StreamAsync(factory, filter, cancellationToken))
            {
                await writer.WriteAsync(line(e));
                await writer.WriteAsync('\n');
                n++;
            }
            await writer.FlushAsync(cancellationToken);
            Console.Error.WriteLine($"{n} events exported as {parse.GetValue(format)}{(path is null ? "" : " to " + path)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
