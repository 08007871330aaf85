namespace AuditDashboard.Core.Detection;

/// <summary>Configuration section <c>Detection</c>: every detector's thresholds (defaults from docs/detection.md).</summary>
public sealed class DetectionOptions
{
    public const string Section = "Detection";

    public CountThreshold BruteForce { get; set; } = new() { Count = 10, WindowMinutes = 10 };
    public CountThreshold PasswordSpray { get; set; } = new() { Count = 10, WindowMinutes = 30 };
    public CountThreshold MfaFatigue { get; set; } = new() { Count = 5, WindowMinutes = 15 };
    public CountThreshold RateLimitStorm { get; set; } = new() { Count = 50, WindowMinutes = 5 };
    public StuffingThreshold CredentialStuffing { get; set; } = new();
    public TravelThreshold ImpossibleTravel { get; set; } = new();
    /// <summary>A session seen again after this long is a new stretch of activity, not a continuation.</summary>
    public int SessionIdleMinutes { get; set; } = 480;
    public string[] PrivilegedRoles { get; set; } = ["admin", "Administrator", "global_admin", "realm-admin"];
    public string[] PrivilegedScopes { get; set; } = ["admin", "offline_access_admin"];
    public int DormantDays { get; set; } = 90;
    public int NewCountryLearningDays { get; set; } = 14;
    public int NewCountryLearningSignIns { get; set; } = 10;
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
        if (CredentialStuffing.Accounts < 2 || CredentialStuffing.Ips < 2) yield return "Detection:CredentialStuffing needs at least 2 accounts and 2 IPs.";
        if (CredentialStuffing.FailureRatio is <= 0 or > 1) yield return "Detection:CredentialStuffing:FailureRatio must be in (0, 1].";
        if (CredentialStuffing.WindowMinutes is < 1 or > 1440) yield return "Detection:CredentialStuffing:WindowMinutes must be between 1 and 1440.";
        if (ImpossibleTravel.MinDistanceKm is < 0 or > 20_000) yield return "Detection:ImpossibleTravel:MinDistanceKm must be between 0 and 20000.";
        if (PrivilegedRoles.Any(string.IsNullOrWhiteSpace)) yield return "Detection:PrivilegedRoles must not contain empty names.";
        if (PrivilegedScopes.Any(string.IsNullOrWhiteSpace)) yield return "Detection:PrivilegedScopes must not contain empty names.";
        if (ImpossibleTravel.MaxSpeedKmh < 100) yield return "Detection:ImpossibleTravel:MaxSpeedKmh must be at least 100.";
        if (SessionIdleMinutes < 1) yield return "Detection:SessionIdleMinutes must be at least 1.";
        if (DormantDays < 1) yield return "Detection:DormantDays must be at least 1.";
        if (NewCountryLearningDays < 0 || NewCountryLearningSignIns < 1) yield return "Detection:NewCountryLearningDays must be 0 or more and NewCountryLearningSignIns at least 1.";
    }
}

public sealed class StuffingThreshold
{
    public int Accounts { get; set; } = 20;
    public int Ips { get; set; } = 10;
    public double FailureRatio { get; set; } = 0.8;
    public int WindowMinutes { get; set; } = 60;
    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);
}

public sealed class TravelThreshold
{
    public double MaxSpeedKmh { get; set; } = 900;
    /// <summary>Shorter hops (a neighbouring city, a VPN exit nearby) are not travel.</summary>
    public double MinDistanceKm { get; set; } = 300;
}

public sealed class CountThreshold
{
    public int Count { get; set; }
    public int WindowMinutes { get; set; }
    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);
}
