using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Geo;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Tests.Geo;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Tests.Detection;

public sealed class RunnerGeoAndIntegrityTests
{
    private static string SignIn(string id, string time, string ip) =>
        $$"""{"event_id":"{{id}}","timestamp":"{{time}}","event_type":"login_success","outcome":"success","source":"idp","user_id":"u-7","username":"mia@acme.example","ip":"{{ip}}"}""";

    [Fact]
    public async Task Events_without_geo_are_looked_up_for_the_geo_detectors_and_stay_as_stored()
    {
        await using var store = await TempStore.CreateAsync();
        // London, then Changchun 40 minutes later: about 8,400 km. The events carry no geo of their own.
        await store.IngestAsync(SignIn("a", "2026-11-01T09:00:00Z", "81.2.69.160"), SignIn("b", "2026-11-01T09:40:00Z", "175.16.199.7"));

        var without = await new DetectionRunner(store.Factory, new DetectionOptions(), TestClock.Default).BackfillAsync(null, null);
        Assert.Equal(0, without);

        using var geo = GeoLookup.Open(new GeoOptions { DatabasePath = TestGeoDatabases.City(store.Folder) }, store.Folder);
        var runner = new DetectionRunner(store.Factory, new DetectionOptions(), TestClock.Default, geo);
        Assert.True(runner.HasGeoDatabase);
        await runner.BackfillAsync(null, null);

        await using var db = store.Factory.CreateDbContext();
        var travel = Assert.Single(await db.Alerts.Where(a => a.Detector == "impossible_travel").ToListAsync());
        Assert.Contains("from London, GB and 40 minutes later from Changchun, CN", travel.Explanation);
        Assert.All(await db.Events.ToListAsync(), e => Assert.Null(e.GeoCountry));
        Assert.True((await ChainVerifier.VerifyAsync(db)).Intact);
    }

    [Fact]
    public async Task A_failed_verification_raises_one_critical_alert_however_often_it_is_found()
    {
        await using var store = await TempStore.CreateAsync();
        await store.IngestAsync(SignIn("a", "2026-11-01T09:00:00Z", "81.2.69.160"), SignIn("b", "2026-11-01T09:40:00Z", "81.2.69.161"));
        var runner = new DetectionRunner(store.Factory, new DetectionOptions(), TestClock.Default);
        var broken = new VerificationResult(false, 1, 1, "ab12", BreakKind.Modified, 2, "stored hash does not match the event");

        Assert.Equal(0, await runner.RecordVerificationAsync(broken with { Intact = true, FirstBrokenSeq = null }));
        Assert.Equal(1, await runner.RecordVerificationAsync(broken));
        Assert.Equal(0, await runner.RecordVerificationAsync(broken));

        await using var db = store.Factory.CreateDbContext();
        var alert = Assert.Single(await db.Alerts.ToListAsync());
        Assert.Equal((IntegrityBreak.Name, Severities.Critical, "store", "seq 2 (modified)"), (alert.Detector, alert.Severity, alert.SubjectKind, alert.Subject));
        Assert.Equal(new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc), alert.WindowStart);
        Assert.StartsWith("Chain verification failed at seq 2 (modified): stored hash does not match the event. 1 events verified intact", alert.Explanation);
        Assert.Contains("ISO27001 A.5.33", alert.Controls);
        Assert.Contains(IntegrityBreak.Name, runner.DetectorNames);
    }
}
