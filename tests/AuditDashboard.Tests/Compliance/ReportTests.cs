using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using AuditDashboard.Core.Compliance;
using AuditDashboard.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Tests.Compliance;

public sealed class ReportTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    [Fact]
    public void Every_page_says_page_x_of_y_and_the_count_matches_the_pdf()
    {
        Assert.True(fixture.Pages.Count > 40, $"{fixture.Pages.Count} pages");
        Assert.Equal(fixture.Report.PageCount, fixture.Pages.Count);
        for (int i = 0; i < fixture.Pages.Count; i++)
            Assert.Contains($"Page {i + 1} of {fixture.Pages.Count}", fixture.Pages[i]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(fixture.Report.Pdf)), fixture.Report.Sha256);
    }

    [Fact]
    public void Every_in_scope_control_has_its_section_and_out_of_scope_ones_are_listed_not_claimed()
    {
        var catalog = ControlCatalog.Load();
        foreach (var control in catalog.Controls)
            Assert.Contains(fixture.Pages, p => p.Contains($"{control.Id} — ", StringComparison.Ordinal));
        var outOfScope = fixture.Pages.Single(p => p.Contains("Controls out of scope") && p.Contains("Why out of scope"));
        foreach (var o in catalog.OutOfScope) Assert.Contains(o.Id, outOfScope);
        Assert.DoesNotContain(fixture.Pages, p => p.Contains("CC6.4 — "));
        Assert.Contains("Acme Test Ltd", fixture.Pages[0]);
        Assert.Contains("DEVELOPMENT certificate", fixture.Pages[0]);
    }

    [Fact]
    public async Task The_figures_match_the_database()
    {
        await using var db = fixture.Store.Factory.CreateDbContext();
        var period = db.Events.Where(e => e.Timestamp >= ReportFixture.From && e.Timestamp < ReportFixture.End);
        long events = await period.CountAsync();
        long signIns = await period.CountAsync(e => e.EventType == EventTypes.LoginSuccess || e.EventType == EventTypes.LoginFailure);
        long failed = await period.CountAsync(e => e.EventType == EventTypes.LoginFailure);
        long tokens = await period.CountAsync(e => e.EventType == EventTypes.TokenIssued || e.EventType == EventTypes.TokenRefreshed);

        var summary = fixture.Pages.First(p => p.Contains("Executive summary") && p.Contains("Sign-ins"));
        Assert.Contains($"Events {N(events)}", summary);
        Assert.Contains($"Sign-ins {N(signIns)}, of which {N(failed)} failed", summary);
        var cc61 = fixture.Pages.First(p => p.Contains("CC6.1 — ") && p.Contains("What was tested"));
        Assert.Contains($"The population holds {N(signIns)} sign-ins;", cc61);
        Assert.Contains($"{N(tokens)} tokens issued", cc61);

        long head = await db.Events.MaxAsync(e => e.Seq);
        var attestation = fixture.Pages.Single(p => p.Contains("Integrity attestation") && p.Contains("Range verified"));
        Assert.Contains($"seq 1 to {head}", attestation);
        Assert.Contains("INTACT", attestation);
    }

    [Fact]
    public async Task The_sample_is_reproducible_from_its_seed_by_the_printed_method()
    {
        await using var db = fixture.Store.Factory.CreateDbContext();
        var population = await db.Events
            .Where(e => e.Timestamp >= ReportFixture.From && e.Timestamp < ReportFixture.End
                && (e.EventType == EventTypes.LoginSuccess || e.EventType == EventTypes.LoginFailure))
            .OrderBy(e => e.Seq).Select(e => e.Seq).ToListAsync();
        var expected = EvidenceSampler.Positions(ReportFixture.Seed, "CC6.1", population.Count).Select(p => population[p]).ToList();

        var samples = ReportFixture.Entry(fixture.Report.EvidenceZip, "samples.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Select(l => l.Split(',')).Where(c => c[1] == "CC6.1").Select(c => long.Parse(c[5], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(25, samples.Count);
        Assert.Equal(expected, samples);
        var page = fixture.Pages.First(p => p.Contains("CC6.1 — ") && p.Contains("What was tested"));
        Assert.Contains($"drawn with seed {ReportFixture.Seed}", page);
        Assert.Contains(fixture.Pages, p => p.Contains("Sampling method") && p.Contains("SHA-256 of the UTF-8 text"));

        var again = await fixture.Generator.GenerateAsync(ReportFixture.Request(ReportFixture.Seed, CatalogFramework.Soc2));
        var againSamples = ReportFixture.Entry(again.EvidenceZip, "samples.csv").Split("\r\n").Where(l => l.StartsWith("SOC 2,CC6.1,")).ToList();
        Assert.Equal(ReportFixture.Entry(fixture.Report.EvidenceZip, "samples.csv").Split("\r\n").Where(l => l.StartsWith("SOC 2,CC6.1,")), againSamples);
    }

    [Fact]
    public async Task Pdfsig_validates_the_signature()
    {
        var path = Path.Combine(fixture.Store.Folder, "report.pdf");
        await File.WriteAllBytesAsync(path, fixture.Report.Pdf);
        using var process = Process.Start(new ProcessStartInfo("pdfsig", [path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Contains("Signature Validation: Signature is Valid.", output);
        Assert.Contains("Total document signed", output);
        Assert.Contains("AuditDashboard development report signing", output);
    }

    [Fact]
    public async Task Exceptions_carry_their_triage_and_the_history_keeps_every_report()
    {
        var exceptions = ReportFixture.Entry(fixture.Report.EvidenceZip, "exceptions.csv");
        Assert.Contains(",brute_force,", exceptions);
        await using var db = fixture.Store.Factory.CreateDbContext();
        var kept = await db.Reports.SingleAsync(r => r.ReportId == fixture.Report.ReportId);
        Assert.Equal(fixture.Report.Sha256, kept.Sha256);
        Assert.Equal(fixture.Report.Pdf, kept.Pdf);
    }

    [Fact]
    public async Task A_bad_request_names_every_problem()
    {
        var request = ReportFixture.Request(1, "soc3") with { From = ReportFixture.End, To = ReportFixture.From, Organisation = " " };
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Generator.GenerateAsync(request));
        Assert.Contains("unknown framework 'soc3'", ex.Message);
        Assert.Contains("the period's start must be before its end", ex.Message);
        Assert.Contains("the organisation is required", ex.Message);
    }
}
