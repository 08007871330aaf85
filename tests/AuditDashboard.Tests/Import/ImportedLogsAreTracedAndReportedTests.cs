using AuditDashboard.Core.Compliance;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Sessions;
using AuditDashboard.Tests.Compliance;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Tests.Import;

/// <summary>What an auditor does with imported vendor logs: open a session trace, and report on the period.</summary>
public sealed class ImportedLogsAreTracedAndReportedTests
{
    [Fact]
    public async Task Keycloak_user_and_admin_events_make_session_traces_and_appear_in_a_control_mapped_report()
    {
        await using var store = await TempStore.CreateAsync();
        var service = ImportFixture.Service(store);
        foreach (var file in new[] { "keycloak_user_events.json", "keycloak_admin_events.json", "okta_systemlog.json" })
        {
            await using var stream = File.OpenRead(Samples.Path(file));
            Assert.True((await service.ImportAsync(stream, file.StartsWith("okta") ? "okta" : "keycloak", null, "test")).Accepted > 0, file);
        }
        await using var db = store.Factory.CreateDbContext();
        var keycloak = await db.Events.AsNoTracking().Where(e => e.Source.StartsWith("keycloak:a9cbb114")).OrderBy(e => e.Seq).ToListAsync();

        // The Keycloak session with a sign-in and the token issued in it.
        var login = keycloak.First(e => e.EventType == EventTypes.LoginSuccess && keycloak.Any(t => t.SessionId == e.SessionId && t.EventType == EventTypes.TokenIssued));
        var trace = (await SessionQueries.TraceAsync(db, login.SessionId!))!;
        Assert.Equal([EventTypes.LoginSuccess, EventTypes.TokenIssued], trace.Timeline.Select(t => t.Event.EventType));
        Assert.All(trace.Timeline, t => Assert.Equal(login.Source, t.Event.Source));
        // Okta: the sign-in and the authorization of one session.
        var okta = (await SessionQueries.TraceAsync(db, "102bZDNFfWaQSyEZQuDgWt-uQ"))!;
        Assert.Equal([EventTypes.AuthorizationRequest, EventTypes.LoginSuccess], okta.Timeline.Select(t => t.Event.EventType).Order());

        // A report over the day of the Keycloak events counts them, per source, in its populations and completeness.
        var day = keycloak[0].Timestamp.Date;
        var generator = new ReportGenerator(store.Factory, ControlCatalog.Load(), new ReportSigner(new ReportOptions(), store.Folder), TestClock.Default);
        var report = await generator.GenerateAsync(ReportFixture.Request(7) with { From = day, To = day.AddDays(1) });
        int inDay = keycloak.Count(e => e.Timestamp >= day && e.Timestamp < day.AddDays(1));
        int signIns = keycloak.Count(e => e.EventType is EventTypes.LoginSuccess or EventTypes.LoginFailure);
        var summary = PdfText.Pages(report.Pdf).First(p => p.Contains("Executive summary") && p.Contains("Sign-ins"));
        Assert.Contains($"Events {inDay}", summary);
        Assert.Contains($"Sign-ins {signIns}, of which 0 failed", summary);
        var completeness = ReportFixture.Entry(report.EvidenceZip, "completeness.csv").Split("\r\n");
        // One source, events on its one day, none silent.
        Assert.Contains(completeness, line => line.StartsWith($"{login.Source},{inDay},1,1,,"));
        Assert.DoesNotContain(completeness, line => line.StartsWith("okta,")); // years earlier: outside the period
        var populations = ReportFixture.Entry(report.EvidenceZip, "populations.csv").Split("\r\n");
        int tokens = keycloak.Count(e => e.EventType == EventTypes.TokenIssued);
        int admin = keycloak.Count(e => e.EventType == EventTypes.AdminAction);
        Assert.Contains(populations, line => line.StartsWith("SOC 2,CC6.1,Sign-ins,") && line.EndsWith($",{signIns},{login.Source},{signIns}"));
        Assert.Contains(populations, line => line.StartsWith("SOC 2,CC6.1,Tokens issued,") && line.EndsWith($",{tokens},{login.Source},{tokens}"));
        Assert.Contains(populations, line => line.StartsWith("SOC 2,CC8.1,Admin actions,") && line.EndsWith($",{admin},{login.Source},{admin}"));
        Assert.True(admin > 0 && tokens > 0);
    }
}
