using System.Text.RegularExpressions;

namespace AuditDashboard.Core.Events;

/// <summary>
/// Audit logs must not become a token leak: a value that looks like a compact JWS/JWE
/// (base64url header starting with <c>eyJ</c>, then two dots) or a bearer credential is refused.
/// </summary>
public static partial class RawTokenGuard
{
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*", RegexOptions.CultureInvariant)]
    private static partial Regex CompactJwt();

    [GeneratedRegex(@"\bBearer\s+[A-Za-z0-9._~+/-]{16,}=*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BearerCredential();

    // Cheap substring checks first: this runs on every string of every event at ingest.
    public static bool LooksLikeRawToken(string value) =>
        value.Length >= 16
        && ((value.Contains("eyJ", StringComparison.Ordinal) && CompactJwt().IsMatch(value))
            || (value.Contains("bearer", StringComparison.OrdinalIgnoreCase) && BearerCredential().IsMatch(value)));
}
