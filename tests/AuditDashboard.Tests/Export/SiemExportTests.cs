using System.Text;
using System.Text.Json;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Export;
using AuditDashboard.Core.Import;
using AuditDashboard.Core.Ingest;
using AuditDashboard.Core.Simulation;
using AuditDashboard.Tests.Import;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Tests.Export;

public sealed class SiemExportTests
{
    private static AccessEvent Odd() => new()
    {
        Seq = 42, EventId = "e|1=x", Timestamp = new DateTime(2026, 10, 1, 12, 0, 0, DateTimeKind.Utc), ReceivedAt = new DateTime(2026, 10, 1, 12, 0, 1, DateTimeKind.Utc),
        EventType = EventTypes.LoginFailure, Outcome = Outcomes.Failure, Source = "idp|a\\b", Reason = "bad=password\r\nnext line",
        UserId = "u-1", Username = "eve=admin|x\\y\nnewline <script>", Ip = "203.0.113.9", UserAgent = "UA key=value \\ | pipe",
        SessionId = "s-1", GeoCountry = "FR", GeoCity = "Paris", GeoLat = 48.8566, GeoLon = 2.3522, Hash = new byte[32], PrevHash = new byte[32],
    };

    [Fact]
    public void Cef_lines_escape_header_and_extension_so_a_cef_parser_reads_every_value_back()
    {
        var line = CefExport.Line(Odd());
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.True(CefMapper.TryParse(line, out var cef, out var problem), problem);
        Assert.Equal(("AuditDashboard", "login_failure", "login failure", "5"), (cef.Vendor, cef.SignatureId, cef.Name, cef.Severity));
        Assert.Equal("eve=admin|x\\y\nnewline <script>", cef.Extension["suser"]);
        Assert.Equal("bad=password\r\nnext line", cef.Extension["reason"]);
        Assert.Equal("UA key=value \\ | pipe", cef.Extension["requestClientApplication"]);
        Assert.Equal("idp|a\\b", cef.Extension["cs1"]);
        Assert.Equal("e|1=x", cef.Extension["externalId"]);
        Assert.Equal("1790856000000", cef.Extension["rt"]);
        Assert.Equal(@"a\|b\\c", CefExport.Header(@"a|b\c"));
    }

    [Fact]
    public void Ocsf_lines_carry_the_required_authentication_attributes()
    {
        var o = JsonDocument.Parse(OcsfExport.Line(Odd())).RootElement;
        Assert.Equal((3002, 3, 1, 300201, 2), (o.GetProperty("class_uid").GetInt32(), o.GetProperty("category_uid").GetInt32(),
            o.GetProperty("activity_id").GetInt32(), o.GetProperty("type_uid").GetInt32(), o.GetProperty("status_id").GetInt32()));
        Assert.Equal(1790856000000, o.GetProperty("time").GetInt64());
        Assert.True(o.GetProperty("severity_id").GetInt32() is >= 0 and <= 6);
        Assert.Equal("1.3.0", o.GetProperty("metadata").GetProperty("version").GetString());
        Assert.Equal("AuditDashboard", o.GetProperty("metadata").GetProperty("product").GetProperty("vendor_name").GetString());
        Assert.Equal("eve=admin|x\\y\nnewline <script>", o.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal(("203.0.113.9", "Paris"), (o.GetProperty("src_endpoint").GetProperty("ip").GetString(), o.GetProperty("src_endpoint").GetProperty("location").GetProperty("city").GetString()));
        // Markup is escaped in the JSON text itself, for SIEMs that show it in a page.
        Assert.DoesNotContain("<script>", OcsfExport.Line(Odd()));
    }

    [Fact]
    public async Task Exported_ocsf_and_cef_import_back_with_the_same_sign_ins()
    {
        await using var origin = await TempStore.CreateAsync();
        var runner = new SimulationRunner(new IngestService(origin.Factory, new IngestOptions(), TestClock.Default), TestClock.Default);
        await runner.RunAsync(new SimulationOptions { Days = 2, Users = 5, Seed = 9, End = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) }, "test");
        List<AccessEvent> events;
        await using (var db = origin.Factory.CreateDbContext()) events = await db.Events.AsNoTracking().OrderBy(e => e.Seq).ToListAsync();
        var signIns = events.Where(e => e.EventType is EventTypes.LoginSuccess or EventTypes.LoginFailure).ToList();

        foreach (var (format, line) in new (string, Func<AccessEvent, string>)[] { ("ocsf", OcsfExport.Line), ("cef", CefExport.Line) })
        {
            await using var copy = await TempStore.CreateAsync();
            await using var file = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', events.Select(line))));
            var result = await ImportFixture.Service(copy).ImportAsync(file, format, "reimport", "test");
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            await using var db = copy.Factory.CreateDbContext();
            var back = await db.Events.AsNoTracking().Where(e => e.EventType == EventTypes.LoginSuccess || e.EventType == EventTypes.LoginFailure).ToListAsync();
            Assert.Equal(signIns.Count, back.Count);
            var byId = back.ToDictionary(e => e.EventId);
            foreach (var s in signIns)
            {
                var b = byId[s.EventId];
                Assert.Equal((s.EventType, s.Outcome, s.Username, s.Ip, s.Timestamp), (b.EventType, b.Outcome, b.Username, b.Ip, b.Timestamp));
            }
        }
    }
}
