using System.Security.Claims;
using System.Text.Json;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Ingest;

namespace AuditDashboard.Web.Auth;

/// <summary>
/// The dashboard audits itself: sign-ins, sign-outs and exports become events with source
/// <c>auditdashboard</c>, appended to the same chain through the ingest service.
/// </summary>
public sealed class DashboardAudit(IngestService ingest, TimeProvider clock, ILogger<DashboardAudit> logger)
{
    public const string Source = "auditdashboard";

    public Task LoginSucceededAsync(HttpContext http, ClaimsPrincipal user, string method) =>
        RecordAsync(http, user, EventTypes.LoginSuccess, Outcomes.Success, null, new() { ["method"] = method });

    public Task LoginFailedAsync(HttpContext http, string? username, string method, string reason) =>
        RecordAsync(http, null, EventTypes.LoginFailure, Outcomes.Failure, reason, new() { ["method"] = method }, username);

    public Task LogoutAsync(HttpContext http, ClaimsPrincipal user) =>
        RecordAsync(http, user, EventTypes.Logout, Outcomes.Success, null, []);

    /// <summary>An export or another access worth evidence: <paramref name="action"/> plus what was asked for.</summary>
    public Task AccessAsync(HttpContext http, ClaimsPrincipal user, string action, Dictionary<string, string> details)
    {
        details["action"] = action;
        return RecordAsync(http, user, EventTypes.DashboardAccess, Outcomes.Success, null, details);
    }

    /// <summary>An action taken in an interactive page, where there is no HTTP request to take the address from.</summary>
    public Task ActionAsync(ClaimsPrincipal user, string action, Dictionary<string, string> details)
    {
        details["action"] = action;
        return RecordAsync(null, user, EventTypes.DashboardAccess, Outcomes.Success, null, details);
    }

    private async Task RecordAsync(HttpContext? http, ClaimsPrincipal? user, string type, string outcome, string? reason,
        Dictionary<string, string> attributes, string? username = null)
    {
        var e = new AccessEvent
        {
            EventId = Guid.CreateVersion7(clock.GetUtcNow()).ToString(),
            Timestamp = clock.GetUtcNow().UtcDateTime,
            EventType = type,
            Outcome = outcome,
            Reason = Clip(reason),
            Source = Source,
            ClientId = Source,
            UserId = Clip(user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? user?.FindFirstValue("sub")),
            Username = Clip(user?.Identity?.Name ?? username),
            Roles = user is null ? null : JsonSerializer.Serialize(user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray(), CompactJson.Options),
            Ip = http?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Clip(http?.Request.Headers.UserAgent.ToString(), 2048),
            Endpoint = Clip(http?.Request.Path.Value),
            HttpMethod = http?.Request.Method,
            Attributes = attributes.Count == 0 ? null : JsonSerializer.Serialize(attributes.ToDictionary(a => a.Key, a => Clip(a.Value)), CompactJson.Options),
        };
        if (e.Roles == "[]") e.Roles = null;
        var result = await ingest.IngestJsonAsync(EventJson.ToNdjson([e]), "web:dashboard");
        if (result.Status != IngestStatus.Accepted)
            logger.LogError("Could not record {Type} for the dashboard's own audit trail: {Message} {Errors}", type, result.Message, string.Join("; ", result.Errors));
    }

    private static string? Clip(string? value, int max = 512) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}
