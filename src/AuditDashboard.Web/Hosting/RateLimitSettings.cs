namespace AuditDashboard.Web.Hosting;

/// <summary>
/// Configuration section <c>RateLimits</c>: requests allowed per minute, per client address for sign-in, per API key
/// for ingest and import, per signed-in user for exports. Over a limit the answer is 429 with Retry-After.
/// </summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    public int SignInPerMinute { get; set; } = 20;
    public int IngestPerMinute { get; set; } = 600;
    public int ImportPerMinute { get; set; } = 10;
    public int ExportPerMinute { get; set; } = 20;

    public IEnumerable<string> Validate()
    {
        foreach (var (name, value) in new[] { ("SignInPerMinute", SignInPerMinute), ("IngestPerMinute", IngestPerMinute), ("ImportPerMinute", ImportPerMinute), ("ExportPerMinute", ExportPerMinute) })
        {
            if (value is < 1 or > 1_000_000) yield return $"RateLimits:{name} must be from 1 to 1000000.";
        }
    }
}
