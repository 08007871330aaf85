using System.CommandLine;
using System.Text.Json;
using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Geo;

namespace AuditDashboard.Cli.Commands;

internal static class DetectCommand
{
    public static Command Create(StoreOptions store)
    {
        var from = new Option<string?>("--from") { Description = "Start of the period, yyyy-MM-dd or yyyy-MM-ddTHH:mm (UTC); default: the first event" };
        var to = new Option<string?>("--to") { Description = "End of the period (exclusive, UTC); default: now" };
        var json = new Option<string?>("--json") { Description = "Also write {\"detector\": open alerts} to this file" };
        var geoDb = new Option<string?>("--geo-db") { Description = "MaxMind DB city file for events without geo (default: Geo:DatabasePath from appsettings.json)" };
        var command = new Command("detect", "Run every detector over a period; re-running never duplicates an alert. Prints open alerts per detector") { from, to, json, geoDb };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var start = CliTime.Parse(parse.GetValue(from), "--from");
            var end = CliTime.Parse(parse.GetValue(to), "--to");
            if (start is not null && end is not null && start >= end) throw new UsageException("--from must be before --to");
            var (configuration, contentRoot) = CliConfiguration.Load();
            var thresholds = CliConfiguration.Section<DetectionOptions>(configuration, DetectionOptions.Section, o => o.Validate());
            var geoOptions = CliConfiguration.Section<GeoOptions>(configuration, GeoOptions.Section, _ => []);
            var geoBase = contentRoot;
            if (parse.GetValue(geoDb) is { } path)
            {
                (geoOptions.DatabasePath, geoBase) = (path, Directory.GetCurrentDirectory());
            }
            var geoErrors = geoOptions.Validate(geoBase).ToList();
            if (geoErrors.Count > 0) throw new UsageException(string.Join(Environment.NewLine, geoErrors));
            var factory = await Store.OpenMigratedAsync(store, parse, cancellationToken);
            using var geo = GeoLookup.Open(geoOptions, geoBase);
            var runner = new DetectionRunner(factory, thresholds, TimeProvider.System, geo);
            if (!runner.HasGeoDatabase)
                Console.Error.WriteLine($"No GeoIP database (Geo:DatabasePath or --geo-db): {string.Join(", ", Detectors.GeoDetectors)} see only events that carry their own geo.");
            int opened = await ProgressOutput.RunAsync("detecting", null, progress => runner.BackfillAsync(start, end, progress, cancellationToken));
            await using var db = factory.CreateDbContext();
            var counts = await AlertStore.OpenCountsAsync(db, runner.DetectorNames, cancellationToken);
            Console.WriteLine($"{opened} new alert(s). Open alerts per detector:");
            foreach (var (detector, count) in counts) Console.WriteLine($"  {detector,-30} {count}");
            if (parse.GetValue(json) is { } file)
                await File.WriteAllTextAsync(file, JsonSerializer.Serialize(counts, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
