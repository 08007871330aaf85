using System.Net;
using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Integrity.Notes;
using AuditDashboard.Core.Integrity.Witness;
using AuditDashboard.IntegrationTests.Infrastructure;
using AuditDashboard.Web.Auth;
using AuditDashboard.Web.Integrity;
using Microsoft.Extensions.DependencyInjection;

namespace AuditDashboard.IntegrationTests.Integrity;

/// <summary>The app signs checkpoints on its own, publishes them, and serves the log read-only under /log/.</summary>
public sealed class ServedLogTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private string Published => Path.Combine(_db.Folder, "published");

    public void Dispose() => _db.Dispose();

    private async Task<(AppFactory App, LogCheckpoint Checkpoint)> StartAsync(bool publicLog = false)
    {
        await Stores.SimulatedAsync(_db.Path, days: 2);
        var app = new AppFactory(_db.Path, new Dictionary<string, string?>
        {
            ["Integrity:PublishDirectory"] = Published,
            ["Integrity:PublicLog"] = publicLog ? "true" : "false",
        });
        // Made at start by the app; asking again gives the same one while the tree has not grown.
        var checkpoint = await app.Services.GetRequiredService<CheckpointService>().CheckpointAsync(CancellationToken.None);
        Assert.NotNull(checkpoint);
        return (app, checkpoint);
    }

    [Fact]
    public async Task The_app_checkpoints_at_start_and_serves_the_log_to_its_readers_only()
    {
        var (app, checkpoint) = await StartAsync();
        await using var _ = app;
        Assert.True(File.Exists(Path.Combine(Published, "checkpoint")));
        Assert.Equal(checkpoint.Note, await File.ReadAllTextAsync(Path.Combine(Published, TilePaths.CheckpointCopy(checkpoint.Size, checkpoint.KeyId))));

        using var anonymous = DashboardClient.Anonymous(app);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/log/checkpoint")).StatusCode);
        using var analyst = await DashboardClient.SignedInAsync(app, Roles.SecurityAnalyst);
        Assert.NotEqual(HttpStatusCode.OK, (await analyst.GetAsync("/log/checkpoint")).StatusCode); // the access-denied page

        using var auditor = await DashboardClient.SignedInAsync(app, Roles.Auditor);
        Assert.Equal(checkpoint.Note, await auditor.GetStringAsync("/log/checkpoint"));
        Assert.Equal(checkpoint.Note, await auditor.GetStringAsync($"/log/{TilePaths.CheckpointCopy(checkpoint.Size, checkpoint.KeyId)}"));
        var tile = await auditor.GetByteArrayAsync("/log/" + TilePaths.Tile(0, 0, 256));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Published, "tile", "0", "000")), tile);
        foreach (var bad in new[] { "/log/tile/0/0", "/log/tile/0/000.p/256", "/log/tile/entries/000", "/log/tile/0/x000/001", "/log/tile/0/999" })
            Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync(bad)).StatusCode);
    }

    [Fact]
    public async Task A_public_log_is_witnessed_over_http_and_its_published_files_pass_the_go_reference_check()
    {
        var (app, checkpoint) = await StartAsync(publicLog: true);
        await using var _ = app;
        using var anonymous = DashboardClient.Anonymous(app);
        Assert.Equal(checkpoint.Note, await anonymous.GetStringAsync("/log/checkpoint"));
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/events")).StatusCode);

        var logKey = app.Services.GetRequiredService<LogSigning>().Verifier;
        using var witnessKey = NoteSigner.Generate("witness.example/w1", NoteKeys.Cosignature);
        using var source = new LogSource(new Uri(anonymous.BaseAddress!, "/log").ToString(), anonymous);
        var verdict = await new LogWitness(source, logKey, witnessKey, Path.Combine(_db.Folder, "witness.state"), TestClock.Default).WitnessAsync();
        Assert.True(verdict.Cosigned, verdict.Message);

        var reference = await Processes.RunAsync(ReferenceLogCheckTests.Checker(), ["log", logKey.Text, Published], _db.Folder);
        Assert.True(reference.ExitCode == 0, reference.Stderr + reference.Stdout);
    }

    [Fact]
    public async Task Started_on_an_older_copy_of_its_store_the_app_raises_integrity_break_against_the_published_checkpoint()
    {
        var factory = await Stores.SimulatedAsync(_db.Path);
        var older = Path.Combine(_db.Folder, "older.db");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Copy(_db.Path, older);
        await Stores.SimulatedAsync(_db.Path, days: 2, seed: 4);
        await LogKeys.CheckpointAsync(_db.Folder, factory, Published);

        // The same key and publication directory (the app's AppFactory uses the key in the database's folder).
        await using var app = new AppFactory(older, new Dictionary<string, string?>
        {
            ["Integrity:PublishDirectory"] = Published,
            ["Integrity:SigningKeyPath"] = LogKeys.Ensure(_db.Folder),
        });
        var status = app.Services.GetRequiredService<IntegrityStatus>();
        await Eventually.HoldsAsync(() => status.Latest.Result is { Intact: false }, "the app's own check finds the break");
        Assert.Equal(AuditDashboard.Core.Integrity.BreakKind.Truncated, status.Latest.Result!.Kind);
        Assert.Contains("an older copy of the store was restored", status.Latest.Result.Message);
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = new AuditDashboard.Core.Storage.AuditDbContext(Stores.Sqlite(older));
            return db.Alerts.Any(a => a.Detector == "integrity_break");
        }, "integrity_break is raised");
    }
}
