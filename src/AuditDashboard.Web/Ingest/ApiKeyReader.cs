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
}
