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
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(SignIn, http => PerMinute("address:" + http.Connection.RemoteIpAddress, limits.SignInPerMinute));
            o.AddPolicy(Ingest, http => PerMinute("key:" + KeyPartition(http), limits.IngestPerMinute));
            o.AddPolicy(Import, http => PerMinute("key:" + KeyPartition(http), limits.ImportPerMinute));
            o.AddPolicy(Export, http => PerMinute("user:" + (http.User.Identity?.Name ?? http.Connection.RemoteIpAddress?.ToString()), limits.ExportPerMinute));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                int seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var endpoint = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                var setting = endpoint switch { SignIn => "SignInPerMinute", Ingest => "IngestPerMinute", Import => "ImportPerMinute", _ => "ExportPerMinute" };
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
