using System.Text;
using AuditDashboard.Core.Compliance;
using AuditDashboard.Core.Ingest;
using AuditDashboard.Core.Overview;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.IntegrationTests.Queries;

/// <summary>The overview and a report over the same period count the same events, sign-ins, users and clients.</summary>
public sealed class CountsAgreeTests
{
    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task The_overview_and_a_report_agree_on_every_count_for_the_same_period(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var factory = await Stores.SimulateAsync(store.Factory, days: 5, users: 8);
        await using var db = factory.CreateDbContext();
        var last = await db.Events.MaxAsync(e => e.Timestamp);
        var to = last.Date;
        var from = to.AddDays(-3);
        // One account seen with its id and name, then by name alone: the user is its id, or its name when there is none.
        var ingest = new IngestService(factory, new IngestOptions(), TestClock.Default);
        var at = from.AddHours(5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var extra = await ingest.IngestJsonAsync(Encoding.UTF8.GetBytes(
            $$"""{"event_id":"agree-1","timestamp":"{{at}}","event_type":"login_success","outcome":"success","source":"idp","user_id":"u-agree","username":"agree@acme.example","client_id":"agree-app"}""" + "\n" +
            $$"""{"event_id":"agree-2","timestamp":"{{at}}","event_type":"login_failure","outcome":"failure","source":"idp","username":"agree@acme.example","client_id":"agree-app"}"""), "test");
        Assert.Equal(2, extra.Accepted);

        var overview = await OverviewQueries.LoadAsync(db, new Aggregator(factory), from, to);
        var catalog = ControlCatalog.Load();
        var controls = await ControlStatusQueries.ForAsync(db, catalog.For(CatalogFramework.Soc2), from, to);
        var report = await ReportBuilder.BuildAsync(db, catalog, new ReportRequest
        {
            Frameworks = [CatalogFramework.Soc2], From = from, To = to, Organisation = "Acme", GeneratedBy = "test", Seed = 1,
            ReportId = ReportRequest.NewId(TestClock.Default.GetUtcNow().UtcDateTime),
        }, "test signing", TestClock.Default.GetUtcNow().UtcDateTime);

        var summary = report.Summary;
        Assert.Equal(summary.Events, overview.Events);
        Assert.Equal(summary.SignIns, overview.SignInSuccesses + overview.SignInFailures);
        Assert.Equal(summary.SignInFailures, overview.SignInFailures);
        Assert.Equal(summary.Users, overview.DistinctUsers);
        Assert.Equal(summary.Clients, overview.DistinctClients);

        // The controls page and the report: every control's every population, the same size.
        var pageSizes = controls.SelectMany(c => c.Populations.Select(p => ($"{c.Control.Id}/{p.Population.Name}", p.Size))).ToList();
        var reportSizes = report.Controls.SelectMany(c => c.Populations.Select(p => ($"{c.Id}/{p.Name}", p.Size))).ToList();
        Assert.NotEmpty(pageSizes);
        Assert.Equal(pageSizes.OrderBy(x => x.Item1), reportSizes.OrderBy(x => x.Item1));
    }
}
