using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Integrity.Notes;
using AuditDashboard.Core.Storage;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.IntegrationTests.Integrity;

/// <summary>
/// The attacks the hash chain alone cannot see, by someone who may rewrite the whole database: each passes
/// `auditdash verify` without checkpoints and is caught by `auditdash verify --log DIR --key VKEY` against the
/// checkpoints published outside the database.
/// </summary>
public sealed class CheckpointTamperTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private string Published => Path.Combine(_db.Folder, "published");

    public void Dispose() => _db.Dispose();

    private Task<LogCheckpoint> CheckpointAsync(SimpleDbContextFactory factory) => LogKeys.CheckpointAsync(_db.Folder, factory, Published);

    private Task<Processes.Result> VerifyAgainstPublishedAsync(string database) =>
        Processes.AuditdashAsync(_db.Folder, "--db", database, "verify", "--log", Published, "--key", LogKeys.VerifierKey(_db.Folder));

    private static void AssertTampered(Processes.Result result, string expected)
    {
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}\n{result.Stdout}{result.Stderr}");
        Assert.Contains(expected, result.Stdout);
    }

    [Fact]
    public async Task An_intact_store_verifies_against_every_published_checkpoint()
    {
        var factory = await Stores.SimulatedAsync(_db.Path);
        await CheckpointAsync(factory);
        await Stores.SimulatedAsync(_db.Path, days: 2, seed: 4);
        var second = await CheckpointAsync(factory);

        var result = await VerifyAgainstPublishedAsync(_db.Path);
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains($"consistent with 3 signed checkpoint(s) up to size {second.Size}", result.Stdout);
    }

    [Fact]
    public async Task The_tail_deleted_with_its_heads_and_its_tree_rebuilt_is_a_truncation()
    {
        var factory = await Stores.SimulatedAsync(_db.Path, days: 2);
        var signed = await CheckpointAsync(factory);
        long keep = signed.Size - 500;
        // Everything the store itself could compare is made to agree: events, heads and the Merkle tree.
        await Processes.Sqlite3Async(_db.Path,
            "DROP TRIGGER access_events_no_delete; DROP TRIGGER chain_heads_no_delete; DROP TRIGGER chain_heads_no_update; DROP TRIGGER log_checkpoints_no_delete; " +
            $"INSERT INTO chain_heads (first_seq, last_seq, hash, recorded_at, origin) SELECT {keep}, {keep}, (SELECT hash FROM access_events WHERE seq = {keep}), recorded_at, origin " +
            $"FROM chain_heads WHERE last_seq = (SELECT MAX(last_seq) FROM chain_heads); " +
            $"DELETE FROM access_events WHERE seq > {keep}; DELETE FROM chain_heads WHERE last_seq > {keep} AND NOT (first_seq = {keep} AND last_seq = {keep}); " +
            "DELETE FROM log_tiles; DELETE FROM log_checkpoints;");
        await LogBackfill.CatchUpStoreAsync(factory);

        var inside = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "verify");
        Assert.True(inside.ExitCode == 0, "the attack should pass the store's own checks: " + inside.Stdout + inside.Stderr);

        AssertTampered(await VerifyAgainstPublishedAsync(_db.Path), $"TAMPERED at seq {keep + 1} (truncated)");
    }

    [Fact]
    public async Task A_cut_tail_behind_the_live_detectors_is_a_truncation_even_without_checkpoints()
    {
        var factory = await Stores.SimulatedAsync(_db.Path, days: 2);
        long head;
        await using (var db = factory.CreateDbContext()) head = await db.Events.MaxAsync(e => e.Seq);
        long keep = head - 300;
        // The live detectors had read every event; the cut leaves the chain, heads and tree consistent with each other.
        await Processes.Sqlite3Async(_db.Path,
            $"INSERT OR REPLACE INTO detection_state (id, last_seq) VALUES (1, {head}); " +
            "DROP TRIGGER access_events_no_delete; DROP TRIGGER chain_heads_no_delete; " +
            $"INSERT INTO chain_heads (first_seq, last_seq, hash, recorded_at, origin) SELECT {keep}, {keep}, (SELECT hash FROM access_events WHERE seq = {keep}), recorded_at, origin " +
            $"FROM chain_heads WHERE last_seq = (SELECT MAX(last_seq) FROM chain_heads); " +
            $"DELETE FROM access_events WHERE seq > {keep}; DELETE FROM chain_heads WHERE last_seq > {keep}; DELETE FROM log_tiles;");
        await LogBackfill.CatchUpStoreAsync(factory);

        var result = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "verify");
        AssertTampered(result, $"TAMPERED at seq {keep + 1} (truncated)");
        Assert.Contains($"the live detectors have read up to seq {head}", result.Stdout);
    }

    [Fact]
    public async Task An_older_copy_of_the_store_restored_is_a_truncation()
    {
        var factory = await Stores.SimulatedAsync(_db.Path);
        await CheckpointAsync(factory);
        var older = Path.Combine(_db.Folder, "older.db");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Copy(_db.Path, older);
        await Stores.SimulatedAsync(_db.Path, days: 2, seed: 4);
        await CheckpointAsync(factory);

        var inside = await Processes.AuditdashAsync(_db.Folder, "--db", older, "verify");
        Assert.Equal(0, inside.ExitCode);
        AssertTampered(await VerifyAgainstPublishedAsync(older), "(truncated)");
        Assert.Contains("an older copy of the store was restored", (await VerifyAgainstPublishedAsync(older)).Stdout);
    }

    [Fact]
    public async Task A_consistent_rewrite_of_events_heads_and_tree_is_caught_at_the_checkpoint()
    {
        var factory = await Stores.SimulatedAsync(_db.Path);
        var signed = await CheckpointAsync(factory);
        // A wholly rebuilt store: other events, every chain hash, head and tile recomputed to match them.
        var rewritten = Path.Combine(_db.Folder, "rewritten.db");
        await Stores.SimulatedAsync(rewritten, days: 2, seed: 11);
        await using (var db = new AuditDbContext(Stores.Sqlite(rewritten)))
            Assert.True(await db.Events.CountAsync() >= signed.Size);

        var inside = await Processes.AuditdashAsync(_db.Folder, "--db", rewritten, "verify");
        Assert.Equal(0, inside.ExitCode);
        AssertTampered(await VerifyAgainstPublishedAsync(rewritten), $"TAMPERED at seq {signed.Size} (modified)");
    }

    [Fact]
    public async Task A_checkpoint_signed_by_another_key_is_untrusted()
    {
        var factory = await Stores.SimulatedAsync(_db.Path);
        await CheckpointAsync(factory);
        using var other = NoteSigner.Generate(LogKeys.Origin);
        var forged = Path.Combine(_db.Folder, "forged-checkpoint");
        await using (var db = factory.CreateDbContext())
        {
            var size = await TileWriter.SizeAsync(db);
            var body = new Checkpoint(LogKeys.Origin, size + 100, await new LogTree(db).RootAsync(size), null).Text();
            await File.WriteAllTextAsync(forged, SignedNote.Sign(body, other).ToString());
        }

        var result = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "verify", "--checkpoint", forged, "--key", LogKeys.VerifierKey(_db.Folder));
        AssertTampered(result, "UNTRUSTED checkpoint");
        Assert.Contains("is not signed by", result.Stdout);

        var lines = (await File.ReadAllTextAsync(Path.Combine(Published, "checkpoint"))).Split('\n');
        lines[1] = (long.Parse(lines[1]) + 1).ToString();
        await File.WriteAllTextAsync(forged, string.Join('\n', lines)); // the log's own signature, over another size
        AssertTampered(await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "verify", "--checkpoint", forged, "--key", LogKeys.VerifierKey(_db.Folder)),
            "UNTRUSTED checkpoint");
    }

    [Fact]
    public async Task A_published_tile_changed_is_refused_at_the_next_publication_and_by_verify()
    {
        var factory = await Stores.SimulatedAsync(_db.Path);
        var signed = await CheckpointAsync(factory);
        var partial = Directory.EnumerateFiles(Path.Combine(Published, "tile", "0"), "*", SearchOption.AllDirectories).Single(f => f.Contains(".p"));
        var bytes = await File.ReadAllBytesAsync(partial);
        bytes[0] ^= 1;
        await File.WriteAllBytesAsync(partial, bytes);

        AssertTampered(await VerifyAgainstPublishedAsync(_db.Path), "(forked)");
        var ex = await Assert.ThrowsAsync<PublishConflictException>(() => CheckpointAsync(factory));
        Assert.Contains("already exists with other content", ex.Message);
        Assert.Equal(signed.Size / 256 * 256 + 1, ex.FirstSeq);
    }
}
