using AuditDashboard.Core.Compliance;
using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Integrity.Notes;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AuditDashboard.IntegrationTests.Integrity;

/// <summary>
/// Proofs an auditor keeps: `auditdash proof` files and a report's evidence bundle, checked by our verifier, by
/// `auditdash verify-bundle` and by the Go team's sumdb/note and sumdb/tlog; a byte changed anywhere is refused.
/// </summary>
public sealed class ProofTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private Dictionary<string, string> Config => new()
    {
        ["Integrity__SigningKeyPath"] = LogKeys.Ensure(_db.Folder),
        ["Integrity__PublishDirectory"] = Path.Combine(_db.Folder, "published"),
    };

    private Task<Processes.Result> ReferenceAsync(string proof, string json) =>
        Processes.RunAsync(ReferenceLogCheckTests.Checker(), ["proof", LogKeys.VerifierKey(_db.Folder), proof, json], _db.Folder);

    [Fact]
    public async Task Proof_files_are_accepted_by_the_reference_implementation_and_refused_when_altered()
    {
        var factory = await Stores.SimulatedAsync(_db.Path, days: 2);
        long last;
        await using (var db = factory.CreateDbContext()) last = await TileWriter.SizeAsync(db);
        var folder = Path.Combine(_db.Folder, "proofs");
        var made = await Processes.AuditdashAsync(_db.Folder, Config, "--db", _db.Path, "proof", "--seq", "1", "--seq", "257", "--seq", last.ToString(), "--out", folder);
        Assert.True(made.ExitCode == 0, made.Stdout + made.Stderr);
        Assert.Equal(LogKeys.VerifierKey(_db.Folder), (await File.ReadAllTextAsync(Path.Combine(folder, "verifier-key.txt"))).Trim());

        var key = NoteVerifier.Parse(LogKeys.VerifierKey(_db.Folder));
        foreach (var seq in new[] { 1L, 257, last })
        {
            var (proof, json) = (Path.Combine(folder, $"{seq}.tlog-proof"), Path.Combine(folder, $"{seq}.json"));
            var reference = await ReferenceAsync(proof, json);
            Assert.True(reference.ExitCode == 0, $"seq {seq}: {reference.Stderr}");
            Assert.Null(EventProofs.Verify(await File.ReadAllBytesAsync(json), await File.ReadAllTextAsync(proof), key, out var checkpoint));
            Assert.Equal(last, checkpoint!.Size);
        }

        // The event's bytes changed: a username in the canonical form.
        var altered = Path.Combine(folder, "altered.json");
        var text = await File.ReadAllTextAsync(Path.Combine(folder, "257.json"));
        await File.WriteAllTextAsync(altered, text.Replace("\"event_type\":\"", "\"event_type\":\"x"));
        Assert.Equal(1, (await ReferenceAsync(Path.Combine(folder, "257.tlog-proof"), altered)).ExitCode);
        Assert.Contains("not at index 256", EventProofs.Verify(await File.ReadAllBytesAsync(altered), await File.ReadAllTextAsync(Path.Combine(folder, "257.tlog-proof")), key, out _));

        // A hash of the proof changed.
        var lines = (await File.ReadAllTextAsync(Path.Combine(folder, "257.tlog-proof"))).Split('\n');
        lines[3] = Convert.ToBase64String(new byte[32]);
        var tampered = Path.Combine(folder, "tampered.tlog-proof");
        await File.WriteAllTextAsync(tampered, string.Join('\n', lines));
        Assert.Equal(1, (await ReferenceAsync(tampered, Path.Combine(folder, "257.json"))).ExitCode);
        Assert.NotNull(EventProofs.Verify(await File.ReadAllBytesAsync(Path.Combine(folder, "257.json")), string.Join('\n', lines), key, out _));

        var outside = await Processes.AuditdashAsync(_db.Folder, Config, "--db", _db.Path, "proof", "--seq", (last + 50).ToString(), "--out", folder);
        Assert.Equal(1, outside.ExitCode);
        Assert.Contains("is not covered by the checkpoint", outside.Stderr);
    }

    [Fact]
    public async Task A_reports_bundle_verifies_offline_and_any_change_to_it_is_refused()
    {
        await Stores.SimulatedAsync(_db.Path, days: 3, users: 10);
        await using var app = new AppFactory(_db.Path);
        var generator = app.Services.GetRequiredService<ReportGenerator>();
        var report = await generator.GenerateAsync(new ReportRequest
        {
            Frameworks = [CatalogFramework.Soc2, CatalogFramework.Iso27001], From = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc),
            To = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc), Organisation = "Acme", GeneratedBy = "test", Seed = 5,
            ReportId = ReportRequest.NewId(TestClock.Default.GetUtcNow().UtcDateTime),
        });
        var key = LogKeys.VerifierKey(_db.Folder);
        var result = BundleVerifier.Verify(new MemoryStream(report.EvidenceZip), NoteVerifier.Parse(key));
        Assert.True(result.Verified, string.Join("; ", result.Problems));
        Assert.True(result.EventsProven > 20, $"{result.EventsProven} proofs");

        var bundle = Path.Combine(_db.Folder, "bundle.zip");
        await File.WriteAllBytesAsync(bundle, report.EvidenceZip);
        var cli = await Processes.AuditdashAsync(_db.Folder, "verify-bundle", bundle, "--key", key);
        Assert.True(cli.ExitCode == 0, cli.Stdout + cli.Stderr);
        Assert.StartsWith("VERIFIED", cli.Stdout);

        string pdf;
        using (var document = UglyToad.PdfPig.PdfDocument.Open(report.Pdf))
            pdf = string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Signed checkpoint", pdf);
        Assert.Contains(key, pdf);

        // One sampled event's bytes changed inside the zip.
        var changed = Path.Combine(_db.Folder, "changed.zip");
        File.Copy(bundle, changed);
        string victim;
        using (var zip = System.IO.Compression.ZipFile.Open(changed, System.IO.Compression.ZipArchiveMode.Update))
        {
            var entry = zip.Entries.First(e => e.FullName.StartsWith("proofs/") && e.FullName.EndsWith(".json"));
            victim = entry.FullName;
            string json;
            using (var reader = new StreamReader(entry.Open())) json = await reader.ReadToEndAsync();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(victim).Open());
            await writer.WriteAsync(json.Replace("\"outcome\":\"", "\"outcome\":\"not-"));
        }
        var refused = await Processes.AuditdashAsync(_db.Folder, "verify-bundle", changed, "--key", key);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains(victim.Replace(".json", ".tlog-proof"), refused.Stdout);

        // The standard-library Python verifier, written from docs/integrity.md, agrees on both.
        var script = Path.Combine(RepoRoot.Path, "docs", "verify_chain.py");
        var python = await Processes.RunAsync("python3", [script, "--bundle", bundle, "--key", key], _db.Folder);
        Assert.True(python.ExitCode == 0, python.Stdout + python.Stderr);
        Assert.StartsWith("VERIFIED", python.Stdout);
        var pythonRefused = await Processes.RunAsync("python3", [script, "--bundle", changed, "--key", key], _db.Folder);
        Assert.Equal(1, pythonRefused.ExitCode);
        Assert.Contains(victim.Replace(".json", ".tlog-proof"), pythonRefused.Stdout);

        using var other = NoteSigner.Generate(LogKeys.Origin);
        var wrongKey = await Processes.AuditdashAsync(_db.Folder, "verify-bundle", bundle, "--key", other.VerifierKey);
        Assert.Equal(1, wrongKey.ExitCode);
        Assert.Contains("is not signed by", wrongKey.Stdout);
    }
}
