using System.Text;
using System.Text.Json;
using AuditDashboard.Core.Compliance;
using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Ingest;
using AuditDashboard.Core.Overview;
using AuditDashboard.Core.Simulation;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Tests.Compliance;

/// <summary>Scope applied to everything, management's response, and the dashboard's own use kept apart.</summary>
public sealed class ReportScopeTests
{
    private static async Task<(TempStore Store, ReportGenerator Generator)> StoreAsync()
    {
        var store = await TempStore.CreateAsync();
        var runner = new SimulationRunner(new IngestService(store.Factory, new IngestOptions(), TestClock.Default), TestClock.Default);
        await runner.RunAsync(new SimulationOptions { Days = 14, Users = 12, Seed = 11, End = ReportFixture.End }, "test");
        await new DetectionRunner(store.Factory, new DetectionOptions(), TestClock.Default).BackfillAsync(null, null);
        await new Aggregator(store.Factory).CatchUpAsync();
        var generator = new ReportGenerator(store.Factory, ControlCatalog.Load(),
            new ReportSigner(new ReportOptions { Organisation = "Acme Test Ltd" }, store.Folder), TestClock.Default);
        return (store, generator);
    }

    [Fact]
    public async Task An_unknown_source_or_client_is_refused_naming_the_known_ones()
    {
        var (store, generator) = await StoreAsync();
        await using var _ = store;
        var request = ReportFixture.Request(1) with { Sources = ["okta:nowhere"], Clients = ["no-such-app"] };
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(request));
        Assert.Contains("unknown source 'okta:nowhere' (known: ", ex.Message);
        Assert.Contains("unknown client 'no-such-app' (known: ", ex.Message);
        await using var db = store.Factory.CreateDbContext();
        var aSource = await db.Events.Select(e => e.Source).FirstAsync();
        Assert.Contains(aSource, ex.Message);
        Assert.Equal(0, await db.Reports.CountAsync());
    }

    [Fact]
    public async Task A_report_scoped_to_a_source_lists_only_the_exceptions_its_events_raised_with_managements_response()
    {
        var (store, generator) = await StoreAsync();
        await using var _ = store;
        await using var db = store.Factory.CreateDbContext();
        var alerts = await db.Alerts.ToListAsync();
        var origins = (await db.Events.Select(e => new { e.Seq, e.Source }).ToListAsync()).ToDictionary(e => e.Seq, e => e.Source);
        HashSet<string> SourcesOf(Alert a) => JsonSerializer.Deserialize<long[]>(a.Evidence)!.Select(seq => origins[seq]).ToHashSet();
        string SourceOf(Alert a) => SourcesOf(a).Order(StringComparer.Ordinal).First();
        // A source whose events raised no alert: a report scoped to it lists none of the others' exceptions.
        var quiet = """{"event_id":"q-1","timestamp":"2026-10-25T09:00:00Z","event_type":"login_success","outcome":"success","source":"keycloak:quiet","user_id":"u-q"}""" + "\n";
        Assert.Equal(IngestStatus.Accepted, (await new IngestService(store.Factory, new IngestOptions(), TestClock.Default).IngestJsonAsync(Encoding.UTF8.GetBytes(quiet), "test")).Status);

        var answered = alerts.First();
        await AlertTriage.ApplyAsync(db, [answered.Id], AlertStatuses.Resolved, null, "Blocked 203.0.113.7 at the WAF; password reset", "ann@acme.example", TestClock.Default.GetUtcNow().UtcDateTime);

        static HashSet<long> Listed(GeneratedReport report) => ReportFixture.Entry(report.EvidenceZip, "exceptions.csv")
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => long.Parse(l.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var none = await generator.GenerateAsync(ReportFixture.Request(7, CatalogFramework.Soc2) with { Sources = ["keycloak:quiet"] });
        Assert.Empty(Listed(none));

        var report = await generator.GenerateAsync(ReportFixture.Request(7, CatalogFramework.Soc2) with { Sources = [SourceOf(answered)] });
        var listed = Listed(report);
        Assert.Equal(alerts.Where(a => SourcesOf(a).Contains(SourceOf(answered)) && a.WindowEnd >= ReportFixture.From && a.WindowStart < ReportFixture.End).Select(a => a.Id).ToHashSet(), listed);
        var exceptions = ReportFixture.Entry(report.EvidenceZip, "exceptions.csv");
        Assert.Contains("management_response,history", exceptions.Split("\r\n")[0]);
        Assert.Contains("Blocked 203.0.113.7 at the WAF; password reset", exceptions);
        Assert.Contains("ann@acme.example: open -> resolved", exceptions);

        var text = string.Join("\n", PdfText.Pages(report.Pdf));
        Assert.Contains("Management's response", text);
        Assert.Contains("Blocked 203.0.113.7 at the WAF", text);
    }

    [Fact]
    public async Task The_dashboards_own_sign_ins_are_not_in_the_populations_but_in_their_own_section()
    {
        var (store, generator) = await StoreAsync();
        await using var _ = store;
        var ingest = new IngestService(store.Factory, new IngestOptions(), TestClock.Default);
        var lines = Enumerable.Range(1, 32).Select(i =>
            $$"""{"event_id":"dash-{{i}}","timestamp":"2026-10-25T09:{{i:00}}:00Z","event_type":"login_success","outcome":"success","source":"auditdashboard","client_id":"auditdashboard","user_id":"dev-auditor","username":"dev-auditor"}""");
        Assert.Equal(IngestStatus.Accepted, (await ingest.IngestJsonAsync(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"), "test")).Status);

        await using var db = store.Factory.CreateDbContext();
        var period = db.Events.Where(e => e.Timestamp >= ReportFixture.From && e.Timestamp < ReportFixture.End && e.Source != EventSources.Dashboard);
        long signIns = await period.CountAsync(e => e.EventType == EventTypes.LoginSuccess || e.EventType == EventTypes.LoginFailure);
        long events = await period.CountAsync();

        var report = await generator.GenerateAsync(ReportFixture.Request(3, CatalogFramework.Soc2));
        var text = string.Join("\n", PdfText.Pages(report.Pdf));
        Assert.Contains($"Events {events:N0}", text);
        Assert.Contains($"The population holds {signIns:N0} sign-ins;", text);
        Assert.Contains("Use of this dashboard", text);
        Assert.Contains("dev-auditor", ReportFixture.Entry(report.EvidenceZip, "dashboard_use.csv"));
        Assert.Contains("dev-auditor,32,0,0,0,0", ReportFixture.Entry(report.EvidenceZip, "dashboard_use.csv"));
        var completeness = ReportFixture.Entry(report.EvidenceZip, "completeness.csv");
        Assert.DoesNotContain("auditdashboard", completeness);
        var populations = ReportFixture.Entry(report.EvidenceZip, "populations.csv");
        Assert.Contains("from every source but the dashboard's own (auditdashboard)", populations);
    }
}
