using System.Text.Json;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.IntegrationTests.Integrity;

/// <summary>
/// The Merkle log checked by an implementation nobody here wrote: the Go team's golang.org/x/mod/sumdb/tlog
/// (tests/tlogcheck, built by test.sh from Debian's golang-go and golang-golang-x-mod-dev). It reads our tiles,
/// verifying each against the tree's root as it goes, and checks our inclusion and consistency proofs.
/// </summary>
public sealed class ReferenceLogCheckTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    public static string Checker()
    {
        var path = Path.Combine(RepoRoot.Path, "tests", "tlogcheck", "bin", "tlogcheck");
        Assert.True(File.Exists(path), $"{path} is missing: ./test.sh builds it (Debian golang-go and golang-golang-x-mod-dev)");
        return path;
    }

    private async Task<(Processes.Result Result, long Size)> CheckAsync(Action<Dictionary<string, string>>? tamper = null)
    {
        var factory = await Stores.SimulatedAsync(_db.Path, days: 3, users: 8);
        await using var db = factory.CreateDbContext();
        var events = await db.Events.AsNoTracking().OrderBy(e => e.Seq).ToListAsync();
        long size = events.Count;
        var tree = new LogTree(db);
        var root = await tree.RootAsync(size);
        var tiles = await db.LogTiles.AsNoTracking().ToDictionaryAsync(t => $"{t.Level}/{t.Index}", t => Convert.ToBase64String(t.Hashes));
        tamper?.Invoke(tiles);
        var inclusion = new List<object>();
        foreach (var index in new long[] { 0, 1, 255, 256, size / 2, size - 1 })
        {
            inclusion.Add(new
            {
                index, leaf = Convert.ToBase64String(MerkleHash.Leaf(CanonicalForm.GetBytes(events[(int)index]))),
                proof = (await tree.InclusionProofAsync(index, size)).Select(Convert.ToBase64String),
            });
        }
        var consistency = new List<object>();
        foreach (var old in new long[] { 1, 7, 256, 257, size / 3, size - 1 })
        {
            consistency.Add(new
            {
                old, old_root = Convert.ToBase64String(await tree.RootAsync(old)),
                proof = (await tree.ConsistencyProofAsync(old, size)).Select(Convert.ToBase64String),
            });
        }
        var file = Path.Combine(_db.Folder, "tlog.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new { size, root = Convert.ToBase64String(root), tiles, inclusion, consistency }));
        return (await Processes.RunAsync(Checker(), [file], _db.Folder), size);
    }

    [Fact]
    public async Task The_reference_implementation_accepts_our_tiles_root_and_proofs()
    {
        var (result, size) = await CheckAsync();
        Assert.True(size > 600, $"{size} events: the test should span several tiles");
        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        Assert.Equal("ok", result.Stdout.Trim());
    }

    [Fact]
    public async Task The_reference_implementation_refuses_tiles_that_do_not_give_the_root()
    {
        // A subtree root in the level-1 tile: the tree's root no longer follows from the tiles.
        var (result, _) = await CheckAsync(tiles =>
        {
            var bytes = Convert.FromBase64String(tiles["1/0"]);
            bytes[5] ^= 0xFF;
            tiles["1/0"] = Convert.ToBase64String(bytes);
        });
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("inconsistent tile", result.Stderr);
    }
}
