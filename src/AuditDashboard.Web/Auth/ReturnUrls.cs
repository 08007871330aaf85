namespace AuditDashboard.Web.Auth;

/// <summary>Only local paths are followed after sign-in or sign-out (no open redirects).</summary>
public static class ReturnUrls
{
    public static string Safe(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.Contains('\r') && !returnUrl.Contains('\n')
            ? returnUrl
            : "/";
}
