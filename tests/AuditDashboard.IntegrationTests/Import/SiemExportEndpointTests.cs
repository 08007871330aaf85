using System.Net;
using System.Text.Json;
using AuditDashboard.Core.Storage;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuditDashboard.IntegrationTests.Import;

public sealed class SiemExportEndpointTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task The_explorer_exports_cef_and_ocsf_lines_for_its_filter_and_audits_each_export()
    {
        await Stores.SimulatedAsync(_db.Path, days: 1, users: 4);
        await using var app = new AppFactory(_db.Path);
        using var client = await DashboardClient.SignedInAsync(app, "Auditor", "ana@example.test");

        var cef = await client.GetAsync("/api/v1/export/events.cef?type=login_success");
        Assert.Equal(HttpStatusCode.OK, cef.StatusCode);
        var cefLines = (await cef.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(cefLines);
        Assert.All(cefLines, l => Assert.StartsWith("CEF:0|AuditDashboard|AuditDashboard|1.0|login_success|login success|3|", l));

        var ocsf = await client.GetAsync("/api/v1/export/events.ocsf?type=login_success");
        Assert.Equal("application/x-ndjson", ocsf.Content.Headers.ContentType!.MediaType);
        var ocsfLines = (await ocsf.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(cefLines.Length, ocsfLines.Length);
        Assert.All(ocsfLines, l => Assert.Equal(3002, JsonDocument.Parse(l).RootElement.GetProperty("class_uid").GetInt32()));

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContextAsync();
        var exports = await db.Events.Where(e => e.Source == "auditdashboard" && e.EventType == "dashboard_access").Select(e => e.Attributes!).ToListAsync();
        Assert.Contains(exports, a => a.Contains("\"format\":\"cef\""));
        Assert.Contains(exports, a => a.Contains("\"format\":\"ocsf\""));
    }

    [Fact]
    public async Task The_cli_exports_ocsf_to_a_file()
    {
        await Stores.SimulatedAsync(_db.Path, days: 1, users: 4);
        var file = Path.Combine(_db.Folder, "events.ocsf.jsonl");
        var result = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "export", "--format", "ocsf", "--type", "logout", "--out", file);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Contains($"{lines.Length} events exported as ocsf", result.Stderr);
        Assert.All(lines, l => Assert.Equal(2, JsonDocument.Parse(l).RootElement.GetProperty("activity_id").GetInt32()));
        var bad = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "export", "--format", "leef");
        Assert.Equal(2, bad.ExitCode);
    }
}
