namespace AuditDashboard.Core.Overview;

/// <summary>
/// Derived, rebuildable: a lower-case key (a user id, username or e-mail; a client id; a country code or name; a source) and the
/// exact value stored in the events, so a filter typed in any case, or its beginning, finds the stored values through
/// this small table's key and then the events through their own indexes.
/// </summary>
public sealed class NameEntry
{
    public const string User = "user";
    public const string Client = "client";
    public const string Country = "country";
    public const string Source = "source";

    public string Kind { get; set; } = "";
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}
