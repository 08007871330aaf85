using AuditDashboard.Core.Configuration;
using AuditDashboard.Web.Alerts;
using AuditDashboard.Web.Auth;
using AuditDashboard.Web.Components;
using AuditDashboard.Web.Coordination;
using AuditDashboard.Web.Demo;
using AuditDashboard.Web.Events;
using AuditDashboard.Web.Health;
using AuditDashboard.Web.Hosting;
using AuditDashboard.Web.Ingest;
using AuditDashboard.Web.Integrity;
using AuditDashboard.Web.Overview;
using AuditDashboard.Web.Reports;
using AuditDashboard.Web.Storage;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = ContentRoot.Resolve(args),
});

builder.AddAuditStore();
builder.AddSharedKeyRing();
builder.AddIngest();
builder.AddDetection();
builder.AddReports();
builder.AddDemoSeeding();
builder.AddApiJson();
builder.AddSecurityHeaders();
builder.AddRateLimits();
builder.AddDashboardAuthentication();
builder.AddOverview();
builder.AddIntegrityMonitor();
builder.AddDashboardUi();

var app = builder.Build();

if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseApiProblems();
app.UseRootStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapHealth();
app.MapIngestApi();
app.MapLogin();
app.MapEventExports();
app.MapReportDownloads();
app.MapSignedLog();
app.MapDashboardUi();

app.Run();

/// <summary>Entry point, public for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
