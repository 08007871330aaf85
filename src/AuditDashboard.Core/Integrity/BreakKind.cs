namespace AuditDashboard.Core.Integrity;

/// <summary>What verification found wrong at the first broken seq.</summary>
public enum BreakKind
{
    None,
    /// <summary>A stored event's content or hash no longer matches, or the chain was recomputed after a recorded head.</summary>
    Modified,
    /// <summary>One or more seq numbers are gone from the middle of the chain.</summary>
    Missing,
    /// <summary>A row that is not part of the chain sits between two rows that link to each other, or after the last recorded head.</summary>
    Inserted,
    /// <summary>Rows are out of order: the row at this seq belongs elsewhere in the chain.</summary>
    Reordered,
    /// <summary>The chain ends before the last head recorded by an accepted batch.</summary>
    Truncated,
    /// <summary>Two signed checkpoints, or a signed checkpoint and the store, give different trees for the same history.</summary>
    Forked,
}
