namespace AuditDashboard.Core.Detection;

/// <summary>Configuration section <c>Detection</c>: every detector's thresholds (defaults from docs/detection.md).</summary>
public sealed class DetectionOptions
{
    public const string Section = "Detection";

    public CountThreshold BruteForce { get; set; } = new() { Count = 10, WindowMinutes = 10 };
    public CountThreshold PasswordSpray { get; set; } = new() { Count = 10, WindowMinutes = 30 };
    public CountThreshold MfaFatigue { get; set; } = new() { Count = 5, WindowMinutes = 15 };
    public CountThreshold RateLimitStorm { get; set; } = new() { Count = 50, WindowMinutes = 5 };
    /// <summary>How long rotated refresh tokens and revoked tokens are remembered.</summary>
    public int TokenMemoryDays { get; set; } = 30;

    public IEnumerable<string> Validate()
    {
        foreach (var (name, t) in new[] { ("BruteForce", BruteForce), ("PasswordSpray", PasswordSpray), ("MfaFatigue", MfaFatigue), ("RateLimitStorm", RateLimitStorm) })
        {
            if (t.Count < 2) yield return $"Detection:{name}:Count must be at least 2.";
            if (t.WindowMinutes is < 1 or > 1440) yield return $"Detection:{name}:WindowMinutes must be between 1 and 1440.";
        }
        if (TokenMemoryDays is < 1 or > 365) yield return "Detection:TokenMemoryDays must be between 1 and 365.";
    }
}

public sealed class CountThreshold
{
    public int Count { get; set; }
    public int WindowMinutes { get; set; }
    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);
}
