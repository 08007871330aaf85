using System.Net;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Storage;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuditDashboard.IntegrationTests.Dashboard;

/// <summary>The dashboard's own sign-ins, failures, sign-outs and exports land in the same chain.</summary>
public sealed class SelfAuditTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Sign_in_failure_sign_out_and_export_are_recorded_as_events_of_source_auditdashboard()
    {
        await using var app = new AppFactory(_db.Path);
        using (var failing = DashboardClient.Anonymous(app))
            await DashboardClient.PostLoginAsync(failing, "mallory", "NotARole");
        using var client = await DashboardClient.SignedInAsync(app, "Auditor", "ada@example.test");

        var export = await client.GetAsync("/api/v1/export/events.csv?user=ada@example.test");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var token = await DashboardClient.TokenFromAsync(client, "/events");
        var logout = await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal("/signed-out", logout.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/events")).StatusCode);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContextAsync();
        var own = await db.Events.Where(e => e.Source == "auditdashboard").OrderBy(e => e.Seq).ToListAsync();
        Assert.Equal(["login_failure", "login_success", "dashboard_access", "logout"], own.Select(e => e.EventType));
        Assert.Equal("mallory", own[0].Username);
        Assert.All(own.Skip(1), e => Assert.Equal("ada@example.test", e.Username));
        Assert.Equal("""["Auditor"]""", own[1].Roles);
        Assert.Contains("export_events", own[2].Attributes);
        Assert.Contains("user=ada@example.test", own[2].Attributes);
        Assert.True((await ChainVerifier.VerifyAsync(db)).Intact);
    }

    [Fact]
    public async Task Logout_without_the_antiforgery_token_is_refused()
    {
        await using var app = new AppFactory(_db.Path);
        using var client = await DashboardClient.SignedInAsync(app, "Auditor");
        var logout = await client.PostAsync("/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/events")).StatusCode);
    }
}
