using System.IO.Compression;
using AuditDashboard.Core.Compliance;
using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Ingest;
using AuditDashboard.Core.Simulation;

namespace AuditDashboard.Tests.Compliance;

/// <summary>One simulated fortnight with detections, and a SOC 2 + ISO 27001 report over it, shared by the report tests.</summary>
public sealed class ReportFixture : IAsyncLifetime
{
    public static readonly DateTime End = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime From = End.AddDays(-14);
    public const int Seed = 4242;

    public TempStore Store { get; private set; } = default!;
    public ReportGenerator Generator { get; private set; } = default!;
    public GeneratedReport Report { get; private set; } = default!;
    public string Text { get; private set; } = "";
    public List<string> Pages { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Store = await TempStore.CreateAsync();
        var runner = new SimulationRunner(new IngestService(Store.Factory, new IngestOptions(), TestClock.Default), TestClock.Default);
        await runner.RunAsync(new SimulationOptions { Days = 14, Users = 20, Seed = 11, End = End }, "test");
        await new DetectionRunner(Store.Factory, new DetectionOptions(), TestClock.Default).BackfillAsync(null, null);
        Generator = new ReportGenerator(Store.Factory, ControlCatalog.Load(),
            new ReportSigner(new ReportOptions { Organisation = "Acme Test Ltd" }, Store.Folder), TestClock.Default);
        Report = await Generator.GenerateAsync(Request(Seed));
        Pages = PdfText.Pages(Report.Pdf);
        Text = string.Join("\n", Pages);
    }

    public static ReportRequest Request(int seed, params string[] frameworks) => new()
    {
        Frameworks = frameworks.Length == 0 ? [CatalogFramework.Soc2, CatalogFramework.Iso27001] : frameworks,
        From = From, To = End, Organisation = "Acme Test Ltd", GeneratedBy = "tester@acme.example", Seed = seed,
        ReportId = ReportRequest.NewId(TestClock.Default.GetUtcNow().UtcDateTime),
    };

    public static string Entry(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();
}
