namespace AuditDashboard.Core.Sessions;

/// <summary>What the sessions list asks for; every member is optional. Times are UTC; a session is in range when it overlaps it.</summary>
public sealed record SessionFilter
{
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    /// <summary>A user id, username or e-mail, or its beginning, in any case.</summary>
    public string? User { get; init; }
    public string? Client { get; init; }
    /// <summary>An address or CIDR block seen in the session.</summary>
    public string? Ip { get; init; }
    public bool WithFailures { get; init; }
    /// <summary>Sessions seen from more than one country or network: what a stolen session looks like.</summary>
    public bool Spread { get; init; }
    public SessionSort Sort { get; init; } = SessionSort.LastSeen;

    public IEnumerable<string> Validate()
    {
        if (From is { } from && To is { } to && from >= to) yield return "the start of the time range must be before its end";
        if (Ip is not null && Explorer.IpMatch.TryParse(Ip) is null) yield return $"'{Ip}' is neither an IP address nor a CIDR block such as 10.1.0.0/16";
    }
}
