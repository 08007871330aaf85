using System.CommandLine;
using AuditDashboard.Core.Compliance;
using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Ingest;

namespace AuditDashboard.Cli.Commands;

internal static class ReportCommand
{
    public static Command Create(StoreOptions store)
    {
        var framework = new Option<string>("--framework") { Description = "soc2, iso27001 or both", Required = true };
        var from = new Option<string>("--from") { Description = "Start of the period, yyyy-MM-dd[THH:mm] UTC", Required = true };
        var to = new Option<string>("--to") { Description = "End of the period (exclusive), yyyy-MM-dd[THH:mm] UTC", Required = true };
        var output = new Option<string>("--out") { Description = "The signed PDF to write", Required = true };
        var evidence = new Option<string?>("--evidence") { Description = "Also write the CSV evidence bundle (a zip) here" };
        var sources = new Option<string[]>("--source") { Description = "Limit the scope to these sources (repeatable)", AllowMultipleArgumentsPerToken = false };
        var clients = new Option<string[]>("--client") { Description = "Limit the scope to these clients (repeatable)" };
        var seed = new Option<int?>("--seed") { Description = "Seed of the evidence samples (default: random, printed in the report)" };
        var command = new Command("report", "Generate a signed PDF audit report for SOC 2, ISO 27001 or both; kept in the report history and audited")
        {
            framework, from, to, output, evidence, sources, clients, seed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var frameworks = parse.GetValue(framework) switch
            {
                "soc2" => new[] { CatalogFramework.Soc2 },
                "iso27001" => [CatalogFramework.Iso27001],
                "both" => [CatalogFramework.Soc2, CatalogFramework.Iso27001],
                var other => throw new UsageException($"--framework '{other}' is not soc2, iso27001 or both"),
            };
            var start = CliTime.Parse(parse.GetValue(from), "--from")!.Value;
            var end = CliTime.Parse(parse.GetValue(to), "--to")!.Value;
            var (configuration, contentRoot) = CliConfiguration.Load();
            var options = CliConfiguration.Section<ReportOptions>(configuration, ReportOptions.Section, o => o.Validate(contentRoot));
            var catalog = ControlCatalog.Load();
            var catalogErrors = catalog.Validate(Detectors.Names(new DetectionOptions())).ToList();
            if (catalogErrors.Count > 0) throw new UsageException("the control catalog is invalid: " + string.Join("; ", catalogErrors));

            var now = DateTime.UtcNow;
            var request = new ReportRequest
            {
                Frameworks = frameworks, From = start, To = end,
                Sources = parse.GetValue(sources) ?? [], Clients = parse.GetValue(clients) ?? [],
                Organisation = options.Organisation, GeneratedBy = $"{Environment.UserName} (auditdash CLI)",
                Seed = parse.GetValue(seed) ?? Random.Shared.Next(1, 1_000_000), ReportId = ReportRequest.NewId(now),
            };
            var problems = request.Validate(catalog).ToList();
            if (problems.Count > 0) throw new UsageException(string.Join(Environment.NewLine, problems));

            var factory = await Store.OpenMigratedAsync(store, parse, cancellationToken);
            var generator = new ReportGenerator(factory, catalog, new ReportSigner(options, contentRoot), TimeProvider.System, SignedLog.MakerIfKeyExists());
            GeneratedReport report;
            try
            {
                report = await ProgressOutput.RunAsync("generating report", null, _ => generator.GenerateAsync(request, cancellationToken));
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message); // an unknown source or client, named with the known ones
            }
            await File.WriteAllBytesAsync(parse.GetValue(output)!, report.Pdf, cancellationToken);
            if (parse.GetValue(evidence) is { } zip) await File.WriteAllBytesAsync(zip, report.EvidenceZip, cancellationToken);
            await AuditAsync(factory, report, cancellationToken);

            Console.WriteLine($"Report {report.ReportId}: {report.PageCount} pages, SHA-256 {report.Sha256}");
            Console.WriteLine($"Written to {Path.GetFullPath(parse.GetValue(output)!)}{(report.DevelopmentCertificate ? " (signed with the development certificate)" : "")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Generating a report is evidence too: recorded in the chain like the dashboard's own actions.</summary>
    private static async Task AuditAsync(Microsoft.EntityFrameworkCore.IDbContextFactory<Core.Storage.AuditDbContext> factory, GeneratedReport report, CancellationToken cancellationToken)
    {
        var e = new AccessEvent
        {
            EventId = Guid.CreateVersion7().ToString(), Timestamp = DateTime.UtcNow, EventType = EventTypes.DashboardAccess, Outcome = Outcomes.Success,
            Source = "auditdashboard", ClientId = "auditdash-cli", Username = report.GeneratedBy,
            Attributes = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["action"] = "report_generated", ["report_id"] = report.ReportId, ["sha256"] = report.Sha256, ["frameworks"] = report.Frameworks,
            }, CompactJson.Options),
        };
        var result = await new IngestService(factory, new IngestOptions(), TimeProvider.System).IngestJsonAsync(EventJson.ToNdjson([e]), "cli:report", cancellationToken);
        if (result.Status != IngestStatus.Accepted) Console.Error.WriteLine($"Could not record the report in the audit trail: {result.Message}");
    }
}
