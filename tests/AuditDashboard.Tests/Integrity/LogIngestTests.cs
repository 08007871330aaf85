using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Simulation;
using AuditDashboard.Core.Ingest;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Tests.Integrity;

/// <summary>Ingest grows the Merkle tree with the events; a store from before the tree gets the same tree at start.</summary>
public sealed class LogIngestTests
{
    private static byte[] Mth(IReadOnlyList<byte[]> leaves, int a, int b) =>
        b - a == 1 ? leaves[a] : MerkleHash.Node(Mth(leaves, a, a + (int)MerkleHash.Split(b - a)), Mth(leaves, a + (int)MerkleHash.Split(b - a), b));

    [Fact]
    public async Task Every_stored_event_is_a_leaf_in_seq_order_and_the_root_is_over_their_canonical_bytes()
    {
        await using var store = await TempStore.CreateAsync();
        var runner = new SimulationRunner(new IngestService(store.Factory, new IngestOptions(), TestClock.Default), TestClock.Default);
        await runner.RunAsync(new SimulationOptions { Days = 2, Users = 6, Seed = 8, End = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) }, "test");

        await using var db = store.Factory.CreateDbContext();
        var events = await db.Events.AsNoTracking().OrderBy(e => e.Seq).ToListAsync();
        var leaves = events.Select(e => MerkleHash.Leaf(CanonicalForm.GetBytes(e))).ToList();
        Assert.True(events.Count > 256, $"{events.Count} events: the test should cross a tile");
        Assert.Equal(events.Count, await TileWriter.SizeAsync(db));
        var tree = new LogTree(db);
        Assert.Equal(Mth(leaves, 0, leaves.Count), await tree.RootAsync(leaves.Count));
        var proof = await tree.InclusionProofAsync(100, leaves.Count);
        Assert.True(MerkleProofs.VerifyInclusion(100, leaves.Count, leaves[100], proof, await tree.RootAsync(leaves.Count)));
    }

    [Fact]
    public async Task A_store_from_before_the_tree_gets_the_same_tree_and_ingest_goes_on_from_it()
    {
        await using var store = await TempStore.CreateAsync();
        var ingest = new IngestService(store.Factory, new IngestOptions(), TestClock.Default);
        var runner = new SimulationRunner(ingest, TestClock.Default);
        await runner.RunAsync(new SimulationOptions { Days = 1, Users = 5, Seed = 9, End = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) }, "test");
        byte[] root;
        long size;
        await using (var db = store.Factory.CreateDbContext())
        {
            size = await TileWriter.SizeAsync(db);
            root = await new LogTree(db).RootAsync(size);
            await db.LogTiles.ExecuteDeleteAsync(); // as a store migrated from before the log
        }

        await LogBackfill.CatchUpStoreAsync(store.Factory);
        await store.IngestAsync("""{"event_id":"after-1","timestamp":"2026-11-01T10:00:00Z","event_type":"logout","outcome":"success","source":"idp"}""");

        await using (var db = store.Factory.CreateDbContext())
        {
            Assert.Equal(size + 1, await TileWriter.SizeAsync(db));
            var tree = new LogTree(db);
            Assert.Equal(root, await tree.RootAsync(size));
            Assert.True(MerkleProofs.VerifyConsistency(size, size + 1, root, await tree.RootAsync(size + 1), await tree.ConsistencyProofAsync(size, size + 1)));
        }
    }
}
