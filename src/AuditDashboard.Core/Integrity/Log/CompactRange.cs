namespace AuditDashboard.Core.Integrity.Log;

/// <summary>
/// The roots of the perfect subtrees covering the leaves appended so far (at most one per height, O(log n) of them),
/// enough to give the tree's root at the current size without keeping the leaves.
/// </summary>
public sealed class CompactRange
{
    private readonly List<(int Height, byte[] Hash)> _stack = [];

    public void Append(byte[] leafHash)
    {
        _stack.Add((0, leafHash));
        while (_stack.Count >= 2 && _stack[^1].Height == _stack[^2].Height)
        {
            var (height, right) = _stack[^1];
            var left = _stack[^2].Hash;
            _stack.RemoveRange(_stack.Count - 2, 2);
            _stack.Add((height + 1, MerkleHash.Node(left, right)));
        }
    }

    /// <summary>MTH of the leaves appended so far: the subtrees folded right to left.</summary>
    public byte[] Root()
    {
        if (_stack.Count == 0) return MerkleHash.Empty;
        var root = _stack[^1].Hash;
        for (int i = _stack.Count - 2; i >= 0; i--) root = MerkleHash.Node(_stack[i].Hash, root);
        return root;
    }
}
