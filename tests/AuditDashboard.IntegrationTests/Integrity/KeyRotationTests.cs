using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Integrity.Notes;
using AuditDashboard.IntegrationTests.Infrastructure;

namespace AuditDashboard.IntegrationTests.Integrity;

/// <summary>Rotating the log's key: the new key signs on, checkpoints by the old one stay verifiable with its verifier key.</summary>
public sealed class KeyRotationTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task After_a_rotation_the_new_key_signs_the_same_tree_and_verify_takes_both_keys()
    {
        var published = Path.Combine(_db.Folder, "published");
        var factory = await Stores.SimulatedAsync(_db.Path);
        using var oldKey = NoteSigner.Generate(LogKeys.Origin);
        using var newKey = NoteSigner.Generate(LogKeys.Origin);
        LogCheckpoint first, second;
        await using (var db = factory.CreateDbContext())
            first = (await new CheckpointMaker(oldKey, TestClock.Default, new LogPublisher(published)).MakeAsync(db))!;

        // Without the old key declared, the published checkpoint is not the log's: refused, not overwritten.
        await using (var db = factory.CreateDbContext())
            await Assert.ThrowsAsync<LogConsistencyException>(() => new CheckpointMaker(newKey, TestClock.Default, new LogPublisher(published)).MakeAsync(db));
        await using (var db = factory.CreateDbContext())
            second = (await new CheckpointMaker(newKey, TestClock.Default, new LogPublisher(published), [NoteVerifier.Parse(oldKey.VerifierKey)]).MakeAsync(db))!;

        Assert.Equal(first.Size, second.Size);
        Assert.NotEqual(first.KeyId, second.KeyId);
        Assert.True(File.Exists(Path.Combine(published, TilePaths.CheckpointCopy(first.Size, first.KeyId))));
        Assert.True(File.Exists(Path.Combine(published, TilePaths.CheckpointCopy(second.Size, second.KeyId))));
        Assert.Equal(second.Note, await File.ReadAllTextAsync(Path.Combine(published, TilePaths.Checkpoint)));

        var onlyNew = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "verify", "--log", published, "--key", newKey.VerifierKey);
        Assert.Equal(1, onlyNew.ExitCode);
        Assert.Contains("UNTRUSTED", onlyNew.Stdout);
        var both = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "verify", "--log", published, "--key", newKey.VerifierKey, "--key", oldKey.VerifierKey);
        Assert.True(both.ExitCode == 0, both.Stdout + both.Stderr);
        Assert.Contains("consistent with 3 signed checkpoint(s)", both.Stdout);
    }
}
