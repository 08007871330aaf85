using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Sessions;

/// <summary>
/// Everything about one session: its own events, the events correlated with them elsewhere (same correlation or
/// trace id, the session's tokens and their refresh descendants), the token chains, and where the network or
/// device changed.
/// </summary>
public sealed record SessionTrace(
    string SessionId,
    IReadOnlyList<TraceEntry> Timeline,
    IReadOnlyList<TokenChain> Tokens,
    int SessionEventCount,
    int CorrelatedEventCount);

/// <summary>An event on the timeline; <see cref="Change"/> says what changed in the session at this event, if anything.</summary>
public sealed record TraceEntry(AccessEvent Event, bool InSession, string? Change, string? Why);

/// <summary>A token and what followed it: refreshed into <see cref="Children"/>, validated, revoked or expired.</summary>
public sealed record TokenChain(
    string TokenId,
    string? TokenType,
    DateTime? IssuedAt,
    string? ParentTokenId,
    IReadOnlyList<TokenChain> Children,
    int Validations,
    DateTime? RevokedAt,
    DateTime? ExpiredAt,
    bool UsedAfterRevocation);
