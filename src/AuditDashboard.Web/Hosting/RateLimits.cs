using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using AuditDashboard.Web.Ingest;
using Microsoft.AspNetCore.RateLimiting;

namespace AuditDashboard.Web.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter on the doors someone may hammer: sign-in (per client address), ingest and import (per
/// API key, whether or not it is valid), exports (per user). A refusal is 429 with Retry-After, naming the limit.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Ingest = "ingest";
    public const string Import = "import";
    public const string Export = "export";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<RateLimitSettings>(RateLimitSettings.Section, s => s.Validate());
        var limits = builder.Configuration.GetSection(RateLimitSettings.Section).Get<RateLimitSettings>() ?? new RateLimitSettings();
        // One row per limited door: its policy, the setting that sizes it, and what a client is counted by.
        (string Policy, string Setting, int Permits, Func<HttpContext, string> Partition)[] doors =
        [
            (SignIn, nameof(RateLimitSettings.SignInPerMinute), limits.SignInPerMinute, http => "address:" + http.Connection.RemoteIpAddress),
            (Ingest, nameof(RateLimitSettings.IngestPerMinute), limits.IngestPerMinute, http => "key:" + KeyPartition(http)),
            (Import, nameof(RateLimitSettings.ImportPerMinute), limits.ImportPerMinute, http => "key:" + KeyPartition(http)),
            (Export, nameof(RateLimitSettings.ExportPerMinute), limits.ExportPerMinute,
                http => "user:" + (http.User.Identity?.Name ?? http.Connection.RemoteIpAddress?.ToString())),
        ];
        var settings = doors.ToDictionary(d => d.Policy, d => d.Setting);
        builder.Services.AddRateLimiter(o =>
        {
            foreach (var (policy, _, permits, partition) in doors)
                o.AddPolicy(policy, http => PerMinute(partition(http), permits));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                int seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                var setting = policy is not null && settings.TryGetValue(policy, out var name) ? name : "the configured limit";
                var detail = $"too many requests: over the limit of RateLimits:{setting}; retry after {seconds} s";
                if (ApiProblems.IsApi(http))
                    await ApiProblems.Result(StatusCodes.Status429TooManyRequests, detail).ExecuteAsync(http);
                else
                {
                    http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    await http.Response.WriteAsync(detail, cancellationToken);
                }
            };
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        });
        return builder;
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        });

    /// <summary>The presented key's hash (never the key itself), or the address when no key is presented.</summary>
    private static string KeyPartition(HttpContext http) => ApiKeyReader.Read(http.Request) is { } key
        ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16]
        : "none:" + http.Connection.RemoteIpAddress;
}
