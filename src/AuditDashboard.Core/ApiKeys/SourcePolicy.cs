namespace AuditDashboard.Core.ApiKeys;

/// <summary>
/// The sources an API key may write: exact names, or prefixes ending in <c>*</c> (<c>collector:*</c>); <c>*</c> alone
/// is any source. <c>auditdashboard</c>, the dashboard's own audit trail, is written only by the app itself, never
/// through a key. Keys from before keys named their sources may write any source but that one (ADR 0012).
/// </summary>
public sealed class SourcePolicy
{
    public const string Reserved = "auditdashboard";
    public const int MaxPatternLength = 256;

    private readonly IReadOnlyList<string> _patterns;

    private SourcePolicy(string keyName, IReadOnlyList<string> patterns) => (KeyName, _patterns) = (keyName, patterns);

    public string KeyName { get; }

    /// <summary>For imports by a signed-in administrator or an operator's CLI: any source but the dashboard's own.</summary>
    public static SourcePolicy AnyButReserved(string who) => new(who, ["*"]);

    public static SourcePolicy For(ApiKey key) => new(key.Name, Parse(key.Sources) is { Count: > 0 } patterns ? patterns : ["*"]);

    public static IReadOnlyList<string> Parse(string? stored) =>
        stored?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public bool Allows(string source) => source != Reserved && _patterns.Any(p => Matches(p, source));

    private static bool Matches(string pattern, string source) =>
        pattern.EndsWith('*') ? source.StartsWith(pattern[..^1], StringComparison.Ordinal) : source == pattern;

    public string Describe() => string.Join(", ", _patterns);

    /// <summary>Problems with patterns given for a new key, each named.</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0) yield return "a key must name the sources it may write (--source S, a prefix such as collector:*, or * for any)";
        foreach (var p in patterns)
        {
            if (p.Length is 0 or > MaxPatternLength) yield return $"a source pattern must be 1 to {MaxPatternLength} characters";
            else if (p.IndexOf('*') is var star and >= 0 && star != p.Length - 1) yield return $"'{p}': '*' may only end a pattern";
            else if (p.Any(char.IsWhiteSpace)) yield return $"'{p}': a source pattern has no spaces";
            // "*" is defined as any source but the reserved one; any narrower pattern that reaches it is a mistake.
            else if (p != "*" && Matches(p, Reserved))
                yield return $"'{p}': the source '{Reserved}' is written only by the dashboard itself";
        }
    }
}
