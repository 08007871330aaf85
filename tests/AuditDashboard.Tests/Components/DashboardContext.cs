using AuditDashboard.Core.Compliance;
using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Geo;
using AuditDashboard.Core.Ingest;
using AuditDashboard.Core.Overview;
using AuditDashboard.Core.Simulation;
using AuditDashboard.Core.Storage;
using AuditDashboard.Web.Auth;
using AuditDashboard.Web.Integrity;
using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace AuditDashboard.Tests.Components;

/// <summary>
/// bUnit with MudBlazor over a real temporary SQLite store (migrated, optionally filled by the simulator).
/// Disposed asynchronously: some MudBlazor services are async-dispose only.
/// </summary>
public abstract class DashboardContext : BunitContext, IAsyncLifetime
{
    // bUnit waits one second by default; a loaded CI machine (cold JIT, a first ingest) can take far longer to run a
    // page's database work. Only a guard against hanging: no test asserts on time.
    static DashboardContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(30);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "auditdash-bunit", Guid.NewGuid().ToString("N"));

    protected SimpleDbContextFactory Store { get; private set; } = default!;
    protected static readonly DateTime End = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    protected virtual bool Simulate => true;

    protected Bunit.TestDoubles.BunitAuthorizationContext Authorization { get; private set; } = default!;

    /// <summary>The signed-in test user's dashboard session (ending it signs the pages out).</summary>
    protected string SessionId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Store = new SimpleDbContextFactory(AuditStore.CreateOptions(new DatabaseOptions { SqlitePath = Path.Combine(_folder, "audit.db") }, _folder));
        await using (var db = Store.CreateDbContext()) await AuditStore.MigrateAsync(db);
        if (Simulate)
        {
            var runner = new SimulationRunner(new IngestService(Store, new IngestOptions(), TestClock.Default), TestClock.Default);
            await runner.RunAsync(new SimulationOptions { Days = 7, Users = 12, Seed = 5, End = End }, "test");
        }

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IDbContextFactory<AuditDbContext>>(Store);
        Services.AddSingleton(new Aggregator(Store));
        Services.AddSingleton<IntegrityStatus>();
        Services.AddSingleton<TimeProvider>(new FixedClock(End.AddHours(-1)));
        Services.AddSingleton(Options.Create(new AuthenticationSettings()));
        Services.AddLogging();
        Services.AddSingleton(new IngestService(Store, new IngestOptions(), TestClock.Default));
        Services.AddSingleton<DashboardAudit>();
        Services.AddSingleton(sp => new AuditDashboard.Core.Import.ImportService(sp.GetRequiredService<IngestService>()));
        Services.AddSingleton(GeoLookup.None);
        Services.AddSingleton(ControlCatalog.Load());
        Services.AddSingleton(Options.Create(new ReportOptions { Organisation = "bUnit Ltd" }));
        Services.AddSingleton(sp => new ReportGenerator(Store, sp.GetRequiredService<ControlCatalog>(), new ReportSigner(new ReportOptions(), _folder), TestClock.Default));
        Services.AddSingleton(sp => new DetectionRunner(Store, new DetectionOptions(), TestClock.Default, sp.GetRequiredService<GeoLookup>()));
        var sessions = new AuditDashboard.Core.SignIn.DashboardSessionStore(Store, TestClock.Default);
        Services.AddSingleton(sessions);
        Services.AddScoped<ActionGuard>();
        Authorization = AddAuthorization();
        Authorization.SetAuthorized("bunit@example.test");
        SessionId = await sessions.StartAsync("bunit@example.test", [Roles.Auditor]);
        SignedInAs(Roles.Auditor);
        Authorization.SetPolicies(Policies.Viewer);
    }

    /// <summary>The test user's roles; bUnit's SetRoles drops other claims, so the session claim is set again.</summary>
    protected void SignedInAs(params string[] roles)
    {
        Authorization.SetRoles(roles);
        Authorization.SetClaims(new System.Security.Claims.Claim(SessionCookieEvents.ClaimType, SessionId));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now, TimeSpan.Zero);
    }
}
