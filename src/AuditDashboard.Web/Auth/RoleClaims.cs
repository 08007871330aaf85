using System.Security.Claims;
using System.Text.Json;

namespace AuditDashboard.Web.Auth;

/// <summary>Copies the provider's role claim (a string, several claims, or a JSON array) into standard role claims.</summary>
public static class RoleClaims
{
    public static void Normalize(ClaimsPrincipal? principal, string roleClaim)
    {
        if (principal?.Identity is not ClaimsIdentity identity) return;
        foreach (var claim in identity.FindAll(roleClaim).ToList())
            Add(identity, Values(claim.Value));
    }

    public static void AddFromUserInfo(ClaimsPrincipal? principal, JsonElement user, string roleClaim)
    {
        if (principal?.Identity is not ClaimsIdentity identity || !user.TryGetProperty(roleClaim, out var value)) return;
        Add(identity, value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)
            : value.ValueKind == JsonValueKind.String ? Values(value.GetString()!) : []);
    }

    private static IEnumerable<string> Values(string raw)
    {
        if (raw.StartsWith('['))
        {
            try
            {
                return JsonSerializer.Deserialize<string[]>(raw) ?? [];
            }
            catch (JsonException)
            {
                return [];
            }
        }
        return [raw];
    }

    private static void Add(ClaimsIdentity identity, IEnumerable<string> roles)
    {
        foreach (var role in roles)
        {
            if (Roles.All.Contains(role) && !identity.HasClaim(ClaimTypes.Role, role))
                identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }
    }
}
