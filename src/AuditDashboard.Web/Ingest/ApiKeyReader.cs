using AuditDashboard.Core.ApiKeys;
using AuditDashboard.Web.Hosting;

namespace AuditDashboard.Web.Ingest;

/// <summary>Takes the key from <c>Authorization: Bearer</c> or <c>X-Api-Key</c>.</summary>
public static class ApiKeyReader
{
    public static string? Read(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return authorization["Bearer ".Length..].Trim();
        var header = request.Headers["X-Api-Key"].ToString();
        return string.IsNullOrWhiteSpace(header) ? null : header.Trim();
    }

    /// <summary>The key, or the 401 response that says what is wrong with the request's key.</summary>
    public static async Task<(ApiKey? Key, IResult? Refusal)> AuthenticateAsync(HttpContext http, ApiKeyService keys, CancellationToken cancellationToken)
    {
        var presented = Read(http.Request);
        var key = presented is null ? null : await keys.AuthenticateAsync(presented, cancellationToken);
        if (key is not null) return (key, null);
        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"auditdashboard-ingest\"";
        return (null, ApiProblems.Result(StatusCodes.Status401Unauthorized, presented is null
            ? "an API key is required: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'"
            : "the API key is not valid or has been revoked"));
    }
}
