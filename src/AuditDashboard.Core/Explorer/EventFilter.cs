namespace AuditDashboard.Core.Explorer;

/// <summary>What the explorer, exports and links ask for. Every member is optional; times are UTC, To is exclusive.</summary>
public sealed record EventFilter
{
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    public IReadOnlyList<string> EventTypes { get; init; } = [];
    public string? Outcome { get; init; }
    /// <summary>Matches user_id or username exactly.</summary>
    public string? User { get; init; }
    public string? Client { get; init; }
    public string? Session { get; init; }
    public string? Correlation { get; init; }
    public string? Trace { get; init; }
    /// <summary>One address, or a CIDR block such as 91.64.0.0/16.</summary>
    public string? Ip { get; init; }
    public string? Country { get; init; }
    public string? Source { get; init; }
    /// <summary>Free text, searched (case-insensitively for ASCII) in names, ids, addresses, user agents, reasons and attributes.</summary>
    public string? Text { get; init; }

    /// <summary>Problems a person can fix (a malformed IP or CIDR, a reversed range), or none.</summary>
    public IEnumerable<string> Validate()
    {
        if (From is { } from && To is { } to && from >= to) yield return "the start of the time range must be before its end";
        if (Ip is not null && IpMatch.TryParse(Ip) is null) yield return $"'{Ip}' is neither an IP address nor a CIDR block such as 10.1.0.0/16";
    }
}
