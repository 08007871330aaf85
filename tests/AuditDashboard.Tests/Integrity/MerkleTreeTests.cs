using System.Security.Cryptography;
using AuditDashboard.Core.Integrity.Log;

namespace AuditDashboard.Tests.Integrity;

/// <summary>The tiled tree against RFC 9162's own recursive definitions, across tile and tile-level boundaries.</summary>
public sealed class MerkleTreeTests
{
    // RFC 9162 §2.1.1, word for word: MTH({}) = SHA-256(), MTH({d0}) = leaf hash, else split at the largest power of two < n.
    private static byte[] Mth(IReadOnlyList<byte[]> leaves, int a, int b)
    {
        if (b - a == 0) return SHA256.HashData([]);
        if (b - a == 1) return leaves[a];
        int k = (int)MerkleHash.Split(b - a);
        return MerkleHash.Node(Mth(leaves, a, a + k), Mth(leaves, a + k, b));
    }

    private static List<byte[]> Path(IReadOnlyList<byte[]> leaves, int m, int a, int b)
    {
        if (b - a == 1) return [];
        int k = (int)MerkleHash.Split(b - a);
        return m < k ? [.. Path(leaves, m, a, a + k), Mth(leaves, a + k, b)] : [.. Path(leaves, m - k, a + k, b), Mth(leaves, a, a + k)];
    }

    private static async Task<(TempStore Store, List<byte[]> Leaves)> TreeAsync(int count)
    {
        var store = await TempStore.CreateAsync();
        var leaves = Enumerable.Range(0, count).Select(i => MerkleHash.Leaf(BitConverter.GetBytes(i))).ToList();
        int written = 0;
        foreach (var chunk in new[] { 1, 2, 253, 1000, 4096 }.Concat(Enumerable.Repeat(10_000, 10)))
        {
            int take = Math.Min(chunk, count - written);
            if (take <= 0) break;
            await using var db = store.Factory.CreateDbContext();
            await new TileWriter(db).AppendAsync(written, leaves.GetRange(written, take));
            await db.SaveChangesAsync();
            written += take;
        }
        return (store, leaves);
    }

    [Fact]
    public async Task Roots_and_inclusion_proofs_equal_the_rfc_definitions_across_tile_boundaries()
    {
        var (store, leaves) = await TreeAsync(66_000);
        await using (store)
        await using (var db = store.Factory.CreateDbContext())
        {
            Assert.Equal(66_000, await TileWriter.SizeAsync(db));
            var tree = new LogTree(db);
            foreach (var size in new[] { 1, 2, 3, 255, 256, 257, 511, 4_097, 65_535, 65_536, 65_537, 66_000 })
            {
                var root = await tree.RootAsync(size);
                Assert.Equal(Mth(leaves, 0, size), root);
                foreach (var index in new[] { 0, size / 3, size - 1 }.Distinct())
                {
                    var proof = await tree.InclusionProofAsync(index, size);
                    Assert.Equal(Path(leaves, index, 0, size), proof);
                    Assert.True(MerkleProofs.VerifyInclusion(index, size, leaves[index], proof, root));
                    Assert.False(MerkleProofs.VerifyInclusion(index, size, MerkleHash.Leaf([9, 9]), proof, root));
                }
            }
            Assert.Equal(SHA256.HashData([]), await tree.RootAsync(0));
        }
    }

    [Fact]
    public async Task Consistency_proofs_verify_between_any_two_sizes_and_fail_for_another_history()
    {
        var (store, leaves) = await TreeAsync(1_300);
        await using (store)
        await using (var db = store.Factory.CreateDbContext())
        {
            var tree = new LogTree(db);
            foreach (var (m, n) in new[] { (1, 1), (1, 2), (3, 7), (4, 8), (255, 256), (256, 257), (300, 1_300), (1_024, 1_300), (1_299, 1_300) })
            {
                var proof = await tree.ConsistencyProofAsync(m, n);
                var (first, second) = (Mth(leaves, 0, m), Mth(leaves, 0, n));
                Assert.True(MerkleProofs.VerifyConsistency(m, n, first, second, proof), $"{m} → {n}");
                // A rewritten history (another old root) does not verify.
                Assert.False(MerkleProofs.VerifyConsistency(m, n, MerkleHash.Leaf([1]), second, proof), $"{m} → {n} with another old root");
            }
        }
    }

    [Fact]
    public async Task Appending_out_of_step_with_the_stored_tree_is_refused()
    {
        var (store, _) = await TreeAsync(10);
        await using (store)
        await using (var db = store.Factory.CreateDbContext())
        {
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => new TileWriter(db).AppendAsync(12, [MerkleHash.Leaf([1])]));
            Assert.Contains("out of step", ex.Message);
        }
    }
}
