namespace AuditDashboard.Core.Explorer;

/// <summary>
/// The stored values a filter's user, client and country stand for (null: that filter is not set), found
/// case-insensitively (users and clients by the beginning of an id, username or e-mail); and what to tell the user
/// when a beginning matched more values than are searched.
/// </summary>
public sealed record NameMatches(IReadOnlyList<string>? Users, IReadOnlyList<string>? Clients, IReadOnlyList<string>? Countries, IReadOnlyList<string> Notes)
{
    public static NameMatches None { get; } = new(null, null, null, []);
}
