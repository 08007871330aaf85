using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Integrity.Notes;
using AuditDashboard.Core.Storage;
using AuditDashboard.IntegrationTests.Infrastructure;

namespace AuditDashboard.IntegrationTests.Integrity;

/// <summary>`auditdash witness` as a second party runs it: cosigns what extends what it saw, refuses anything else.</summary>
public sealed class WitnessTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private string Folder => _db.Folder;
    private string State => Path.Combine(Folder, "witness.state");
    private string WitnessKey => Path.Combine(Folder, "witness.key");

    public void Dispose() => _db.Dispose();

    private Task<LogCheckpoint> CheckpointAsync(SimpleDbContextFactory factory, string published) => LogKeys.CheckpointAsync(Folder, factory, published);

    private async Task<string> CreateWitnessKeyAsync()
    {
        var created = await Processes.AuditdashAsync(Folder, "log", "key", "create", "--cosigner", "--name", "witness.example/w1", "--out", WitnessKey);
        Assert.True(created.ExitCode == 0, created.Stderr);
        return created.Stdout.Trim();
    }

    private Task<Processes.Result> WitnessAsync(string published, string? key = null) =>
        Processes.AuditdashAsync(Folder, "witness", "--log", published, "--key", key ?? LogKeys.VerifierKey(Folder), "--state", State, "--sign-key", WitnessKey);

    [Fact]
    public async Task The_witness_cosigns_a_growing_log_and_its_cosignature_verifies()
    {
        var published = Path.Combine(Folder, "published");
        var witnessKey = await CreateWitnessKeyAsync();
        Assert.StartsWith("witness.example/w1+", witnessKey);
        var factory = await Stores.SimulatedAsync(_db.Path);
        await CheckpointAsync(factory, published);

        var first = await WitnessAsync(published);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("first checkpoint seen", first.Stderr);

        await Stores.SimulatedAsync(_db.Path, days: 2, seed: 4);
        var grown = await CheckpointAsync(factory, published);
        var second = await WitnessAsync(published);
        Assert.True(second.ExitCode == 0, second.Stderr);
        var consistent = $"consistent with {Checkpoint.Parse(SignedNote.Parse(first.Stdout).Text).Size}";
        Assert.Contains(consistent, second.Stderr);

        var cosigned = SignedNote.Parse(second.Stdout);
        Assert.Equal(grown.Size, Checkpoint.Parse(cosigned.Text).Size);
        Assert.True(cosigned.IsSignedBy(NoteVerifier.Parse(LogKeys.VerifierKey(Folder))));
        Assert.NotNull(Cosignatures.Verify(cosigned, NoteVerifier.Parse(witnessKey)));
        Assert.Equal(second.Stdout, await File.ReadAllTextAsync(State));
    }

    [Fact]
    public async Task A_fork_shown_to_the_witness_is_refused_with_both_checkpoints_and_the_state_kept()
    {
        await CreateWitnessKeyAsync();
        var factory = await Stores.SimulatedAsync(_db.Path, days: 2);
        var published = Path.Combine(Folder, "published");
        var honest = await CheckpointAsync(factory, published);
        Assert.Equal(0, (await WitnessAsync(published)).ExitCode);
        var state = await File.ReadAllTextAsync(State);

        // The same key signs another history of more events, published elsewhere (the split view a witness exists to catch).
        var forkFolder = Path.Combine(Folder, "fork");
        Directory.CreateDirectory(forkFolder);
        var forkFactory = await Stores.SimulatedAsync(Path.Combine(forkFolder, "audit.db"), days: 3, seed: 12);
        var forked = Path.Combine(Folder, "forked");
        var fork = await CheckpointAsync(forkFactory, forked);
        Assert.True(fork.Size > honest.Size);

        var refused = await WitnessAsync(forked);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("REFUSED: FORK", refused.Stderr);
        Assert.Contains($"\n{honest.Size}\n", refused.Stderr);
        Assert.Contains($"\n{fork.Size}\n", refused.Stderr);
        Assert.Equal(state, await File.ReadAllTextAsync(State));
    }

    [Fact]
    public async Task A_rollback_and_a_checkpoint_by_another_key_are_refused()
    {
        await CreateWitnessKeyAsync();
        var factory = await Stores.SimulatedAsync(_db.Path, days: 2);
        var published = Path.Combine(Folder, "published");
        await CheckpointAsync(factory, published);
        Assert.Equal(0, (await WitnessAsync(published)).ExitCode);

        var smallerFolder = Path.Combine(Folder, "smaller");
        Directory.CreateDirectory(smallerFolder);
        var smaller = Path.Combine(Folder, "smaller-log");
        await CheckpointAsync(await Stores.SimulatedAsync(Path.Combine(smallerFolder, "audit.db")), smaller);
        var rollback = await WitnessAsync(smaller);
        Assert.Equal(1, rollback.ExitCode);
        Assert.Contains("REFUSED: ROLLBACK", rollback.Stderr);

        using var other = NoteSigner.Generate(LogKeys.Origin);
        var untrusted = await WitnessAsync(published, other.VerifierKey);
        Assert.Equal(1, untrusted.ExitCode);
        Assert.Contains("is not signed by", untrusted.Stderr);
    }

    [Fact]
    public async Task A_kept_cosignature_is_carried_by_the_next_report_and_verified_with_the_witness_key()
    {
        var published = Path.Combine(Folder, "published");
        var config = new Dictionary<string, string> { ["Integrity__SigningKeyPath"] = LogKeys.Ensure(Folder), ["Integrity__PublishDirectory"] = published };
        var witnessKey = await CreateWitnessKeyAsync();
        var factory = await Stores.SimulatedAsync(_db.Path, days: 2);
        await CheckpointAsync(factory, published);
        var cosigned = Path.Combine(Folder, "cosigned");
        var witnessed = await Processes.AuditdashAsync(Folder, "witness", "--log", published, "--key", LogKeys.VerifierKey(Folder), "--state", State,
            "--sign-key", WitnessKey, "--out", cosigned);
        Assert.True(witnessed.ExitCode == 0, witnessed.Stderr);

        var kept = await Processes.AuditdashAsync(Folder, config, "--db", _db.Path, "log", "cosign", cosigned, "--witness-key", witnessKey);
        Assert.True(kept.ExitCode == 0, kept.Stdout + kept.Stderr);
        Assert.Contains("Kept 1 new cosignature(s)", kept.Stdout);
        using var stranger = NoteSigner.Generate("witness.example/w2", NoteKeys.Cosignature);
        var refused = await Processes.AuditdashAsync(Folder, config, "--db", _db.Path, "log", "cosign", cosigned, "--witness-key", stranger.VerifierKey);
        Assert.Equal(1, refused.ExitCode);

        var bundle = Path.Combine(Folder, "evidence.zip");
        var report = await Processes.AuditdashAsync(Folder, config, "--db", _db.Path, "report", "--framework", "soc2", "--from", "2026-10-01", "--to", "2026-11-02",
            "--out", Path.Combine(Folder, "report.pdf"), "--evidence", bundle, "--seed", "3");
        Assert.True(report.ExitCode == 0, report.Stdout + report.Stderr);
        var verified = await Processes.AuditdashAsync(Folder, "verify-bundle", bundle, "--key", LogKeys.VerifierKey(Folder), "--witness-key", witnessKey);
        Assert.True(verified.ExitCode == 0, verified.Stdout + verified.Stderr);
        Assert.Contains("Cosigned by witness.example/w1, each verified with its key", verified.Stdout);
        var unwitnessed = await Processes.AuditdashAsync(Folder, "verify-bundle", bundle, "--key", LogKeys.VerifierKey(Folder), "--witness-key", stranger.VerifierKey);
        Assert.Equal(1, unwitnessed.ExitCode);
        Assert.Contains("no valid cosignature by", unwitnessed.Stdout);
    }
}
