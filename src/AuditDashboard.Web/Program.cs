using AuditDashboard.Web.Demo;
using AuditDashboard.Web.Health;
using AuditDashboard.Core.Configuration;
using AuditDashboard.Web.Hosting;
using AuditDashboard.Web.Ingest;
using AuditDashboard.Web.Storage;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = ContentRoot.Resolve(args),
});

builder.AddAuditStore();
builder.AddIngest();
builder.AddDemoSeeding();
builder.AddApiJson();

var app = builder.Build();

app.UseStaticFiles();
app.MapHealth();
app.MapIngestApi();

app.Run();

/// <summary>Entry point, public for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
