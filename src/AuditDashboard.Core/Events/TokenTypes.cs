namespace AuditDashboard.Core.Events;

public static class TokenTypes
{
    public const string AccessToken = "access_token";
    public const string RefreshToken = "refresh_token";
    public const string IdToken = "id_token";
    public const string AuthorizationCode = "authorization_code";

    public static IReadOnlyList<string> All { get; } = [AccessToken, RefreshToken, IdToken, AuthorizationCode];
}
