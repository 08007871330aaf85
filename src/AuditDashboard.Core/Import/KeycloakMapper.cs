using System.Text.Json;
using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Import;

/// <summary>
/// Keycloak user events (<c>EventRepresentation</c>), admin events (<c>AdminEventRepresentation</c>), and both as a
/// JSON event listener logs them (<c>eventType</c> USER or ADMIN).
/// </summary>
public sealed class KeycloakMapper : IRecordMapper
{
    public string Format => "keycloak";

    private static bool IsAdmin(JsonElement e) => e.Str("eventType") == "ADMIN" || e.Has("operationType");

    public string VendorType(ImportRecord record) =>
        IsAdmin(record.Json) ? $"ADMIN {record.Json.Str("operationType")} {record.Json.Str("resourceType")}" : record.Json.Str("type") ?? "(none)";

    private static readonly Dictionary<string, (string Type, string? Grant, string? TokenType)> UserTypes = new(StringComparer.Ordinal)
    {
        ["LOGIN"] = ("login_success", null, null),
        ["LOGIN_ERROR"] = ("login_failure", null, null),
        ["CODE_TO_TOKEN"] = ("token_issued", "authorization_code", "access_token"),
        ["CODE_TO_TOKEN_ERROR"] = ("token_issued", "authorization_code", "access_token"),
        ["CLIENT_LOGIN"] = ("token_issued", "client_credentials", "access_token"),
        ["CLIENT_LOGIN_ERROR"] = ("token_issued", "client_credentials", "access_token"),
        ["REFRESH_TOKEN"] = ("token_refreshed", "refresh_token", "refresh_token"),
        ["REFRESH_TOKEN_ERROR"] = ("token_refreshed", "refresh_token", "refresh_token"),
        ["TOKEN_EXCHANGE"] = ("token_issued", "urn:ietf:params:oauth:grant-type:token-exchange", "access_token"),
        ["TOKEN_EXCHANGE_ERROR"] = ("token_issued", "urn:ietf:params:oauth:grant-type:token-exchange", "access_token"),
        ["INTROSPECT_TOKEN"] = ("token_introspected", null, null),
        ["INTROSPECT_TOKEN_ERROR"] = ("token_introspected", null, null),
        ["LOGOUT"] = ("logout", null, null),
        ["LOGOUT_ERROR"] = ("logout", null, null),
        ["REVOKE_GRANT"] = ("consent_revoked", null, null),
        ["REVOKE_GRANT_ERROR"] = ("consent_revoked", null, null),
        ["GRANT_CONSENT"] = ("consent_granted", null, null),
        ["UPDATE_CONSENT"] = ("consent_granted", null, null),
        ["OAUTH2_DEVICE_AUTH"] = ("authorization_request", "urn:ietf:params:oauth:grant-type:device_code", null),
        ["USER_INFO_REQUEST"] = ("resource_access", null, null),
        ["USER_INFO_REQUEST_ERROR"] = ("resource_access", null, null),
    };

    public IReadOnlyList<CanonicalEvent> Map(ImportRecord record, string? source)
    {
        var e = record.Json;
        if (e.ValueKind != JsonValueKind.Object) throw new ImportException($"{record.Where}: a Keycloak event must be a JSON object");
        string realm = e.Str("realmName") ?? e.Required(record, "realmId");
        source ??= "keycloak:" + realm;
        return IsAdmin(e) ? Admin(record, e, source) : User(record, e, source);
    }

    private static IReadOnlyList<CanonicalEvent> User(ImportRecord record, JsonElement e, string source)
    {
        string type = e.Required(record, "type");
        if (!UserTypes.TryGetValue(type, out var m)) return [];
        string id = e.Required(record, "id");
        string time = e.RequiredTime(record, "time");
        bool failed = type.EndsWith("_ERROR", StringComparison.Ordinal) || e.Str("error") is not null;
        var details = e.Get("details");
        CanonicalEvent Base(string eventId, string eventType) => new CanonicalEvent()
            .Set("event_id", eventId)
            .Set("timestamp", time)
            .Set("event_type", eventType)
            .Set("outcome", failed ? Outcomes.Failure : Outcomes.Success)
            .Set("source", source)
            .Set("reason", e.Str("error"))
            .Set("user_id", e.Str("userId"))
            .Set("username", details.Str("username"))
            .Set("client_id", e.Str("clientId"))
            .Set("session_id", e.Str("sessionId"))
            .Set("ip", e.Str("ipAddress"))
            .Attribute("vendor_event_type", type)
            .Attribute("realm", e.Str("realmName") ?? e.Str("realmId"))
            .Attribute("original", e);

        var main = Base(id, m.Type)
            .Set("grant_type", details.Str("grant_type") ?? m.Grant)
            .Set("scope", details.Str("scope"));
        if (type.StartsWith("REFRESH_TOKEN", StringComparison.Ordinal))
        {
            // The refresh token presented is the parent; the one issued in its place is the new token.
            main.Set("token_id", details.Str("updated_refresh_token_id") ?? details.Str("refresh_token_id"))
                .Set("parent_token_id", details.Str("refresh_token_id"))
                .Set("token_type", "refresh_token");
        }
        else if (m.Type is not "login_success" and not "login_failure")
        {
            main.Set("token_id", details.Str("token_id")).Set("token_type", details.Str("token_id") is null ? null : m.TokenType);
        }
        var events = new List<CanonicalEvent> { main };
        // A direct-grant LOGIN (password, client credentials) also issued tokens: one record, two canonical events.
        if (type == "LOGIN" && details.Str("token_id") is { } tokenId)
        {
            events.Add(Base(id + ":token", "token_issued")
                .Set("grant_type", details.Str("grant_type"))
                .Set("scope", details.Str("scope"))
                .Set("token_id", tokenId)
                .Set("token_type", "access_token")
                .Attribute("refresh_token_id", details.Str("refresh_token_id")));
        }
        return events;
    }

    private static IReadOnlyList<CanonicalEvent> Admin(ImportRecord record, JsonElement e, string source)
    {
        string operation = e.Required(record, "operationType");
        string resource = e.Str("resourceType") ?? "";
        string path = e.Str("resourcePath") ?? "";
        bool roleMapping = resource is "REALM_ROLE_MAPPING" or "CLIENT_ROLE_MAPPING" or "GROUP_MEMBERSHIP";
        var c = new CanonicalEvent()
            .Set("event_id", e.Required(record, "id"))
            .Set("timestamp", e.RequiredTime(record, "time"))
            .Set("event_type", roleMapping ? "role_changed" : "admin_action")
            .Set("outcome", e.Str("error") is null ? Outcomes.Success : Outcomes.Failure)
            .Set("source", source)
            .Set("reason", e.Str("error"))
            .Set("user_id", e.Str("authDetails", "userId"))
            .Set("client_id", e.Str("authDetails", "clientId"))
            .Set("ip", e.Str("authDetails", "ipAddress"))
            .Set("resource", path)
            .Attribute("vendor_event_type", $"ADMIN {operation} {resource}".Trim())
            .Attribute("operation_type", operation)
            .Attribute("resource_type", resource)
            .Attribute("representation", e.Str("representation"))
            // details describe the resource acted on (the target user), not the administrator who acted.
            .Attribute("target_username", e.Str("details", "username"))
            .Attribute("original", e);
        if (roleMapping && operation == "CREATE" && e.Str("representation") is { } representation)
        {
            // The representation of a role mapping is a JSON array of roles; their names are what was granted.
            try
            {
                using var roles = JsonDocument.Parse(representation);
                if (roles.RootElement.ValueKind == JsonValueKind.Array)
                    c.Roles(roles.RootElement.EnumerateArray().Select(r => r.Str("name") ?? ""));
            }
            catch (JsonException)
            {
                // Not JSON: kept as the representation attribute only.
            }
        }
        return [c];
    }
}
