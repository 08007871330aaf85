using System.Text.Json;
using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Import;

/// <summary>Okta System Log LogEvents (API output, or an event hook's data.events). docs/importers.md has the table.</summary>
public sealed class OktaMapper : IRecordMapper
{
    public string Format => "okta";

    public string VendorType(ImportRecord record) => record.Json.Str("eventType") ?? "(none)";

    public IReadOnlyList<CanonicalEvent> Map(ImportRecord record, string? source)
    {
        var e = record.Json;
        if (e.ValueKind != JsonValueKind.Object) throw new ImportException($"{record.Where}: an Okta LogEvent must be a JSON object");
        string type = e.Required(record, "eventType");
        string result = e.Str("outcome", "result")?.ToUpperInvariant() ?? "";
        string outcome = result is "SUCCESS" or "ALLOW" ? Outcomes.Success : result is "FAILURE" or "DENY" or "ERROR" ? Outcomes.Failure : Outcomes.Unknown;
        string Pass(string ok, string failed) => outcome == Outcomes.Failure ? failed : ok;

        (string Type, string? TokenType, string? Reason)? mapped = type switch
        {
            "user.session.start" or "user.authentication.sso" or "user.authentication.authenticate" => (Pass("login_success", "login_failure"), null, null),
            "user.session.end" => ("logout", null, null),
            "user.authentication.auth_via_mfa" or "user.authentication.verify" => (Pass("mfa_success", "mfa_failure"), null, null),
            "system.push.send_factor_verify_push" or "user.mfa.okta_verify.deny_push" => (type.Contains("deny") ? "mfa_failure" : "mfa_challenge", null, null),
            "policy.evaluate_sign_on" => ("authorization_request", null, null),
            "app.oauth2.as.authorize.code" or "app.oauth2.authorize.code" => ("authorization_request", "authorization_code", null),
            "app.oauth2.as.token.grant.access_token" or "app.oauth2.token.grant.access_token" => ("token_issued", "access_token", null),
            "app.oauth2.as.token.grant.id_token" or "app.oauth2.token.grant.id_token" => ("token_issued", "id_token", null),
            "app.oauth2.as.token.grant.refresh_token" or "app.oauth2.token.grant.refresh_token" => ("token_refreshed", "refresh_token", null),
            "app.oauth2.as.token.detect_reuse" or "app.oauth2.token.detect_reuse" => ("token_refreshed", "refresh_token", "refresh_token_reuse"),
            "app.oauth2.as.token.revoke" or "app.oauth2.token.revoke" => ("token_revoked", null, null),
            "app.oauth2.as.consent.grant" => ("consent_granted", null, null),
            "app.oauth2.as.consent.revoke" => ("consent_revoked", null, null),
            "system.operation.rate_limit.violation" or "system.org.rate_limit.violation" or "system.client.rate_limit.violation"
                or "core.concurrency.org.limit.violation" => ("rate_limited", null, null),
            "security.threat.detected" or "security.request.blocked" => ("rate_limited", null, "threat_detected"),
            "user.account.privilege.grant" or "group.user_membership.add" or "user.account.privilege.revoke" or "group.user_membership.remove" => ("role_changed", null, null),
            _ when type.StartsWith("application.", StringComparison.Ordinal) || type.StartsWith("policy.lifecycle", StringComparison.Ordinal)
                || type.StartsWith("user.lifecycle", StringComparison.Ordinal) || type.StartsWith("system.", StringComparison.Ordinal) && type.Contains(".update", StringComparison.Ordinal) => ("admin_action", null, null),
            _ => null,
        };
        if (mapped is not { } m) return [];

        var actor = e.Get("actor");
        var targets = e.Get("target").ValueKind == JsonValueKind.Array ? e.Get("target").EnumerateArray().ToList() : [];
        string? app = targets.FirstOrDefault(t => t.Str("type") == "AppInstance").Str("alternateId");
        string? client = e.Str("client", "id") ?? targets.FirstOrDefault(t => t.Str("type") == "AppInstance").Str("id");
        var geo = e.Get("client", "geographicalContext");
        var c = new CanonicalEvent()
            .Set("event_id", e.Required(record, "uuid"))
            .Set("timestamp", e.RequiredTime(record, "published"))
            .Set("event_type", m.Type)
            .Set("outcome", m.Type is "logout" or "role_changed" or "admin_action" && outcome == Outcomes.Unknown ? Outcomes.Success : outcome)
            .Set("source", source ?? "okta")
            .Set("reason", m.Reason ?? e.Str("outcome", "reason"))
            .Set("user_id", actor.Str("type") == "User" ? actor.Str("id") : null)
            .Set("username", actor.Str("alternateId"))
            .Set("client_id", client)
            .Set("session_id", e.Str("authenticationContext", "externalSessionId") ?? e.Str("authenticationContext", "rootSessionId"))
            .Set("correlation_id", e.Str("transaction", "id"))
            .Set("token_type", m.TokenType)
            .Set("endpoint", e.Str("debugContext", "debugData", "requestUri"))
            .Set("ip", e.Str("client", "ipAddress"))
            .Set("user_agent", e.Str("client", "userAgent", "rawUserAgent"))
            .Geo(geo.Str("country"), geo.Str("city"), geo.Num("geolocation", "lat"), geo.Num("geolocation", "lon"), (long?)e.Num("securityContext", "asNumber"))
            .Attribute("vendor_event_type", type)
            .Attribute("okta_outcome", e.Str("outcome", "result"))
            .Attribute("app", app)
            .Attribute("root_session_id", e.Str("authenticationContext", "rootSessionId"))
            .Attribute("original", e);
        if (m.Type == "role_changed")
        {
            // `roles` holds what was granted (the privilege-escalation detector reads it); removals stay attributes.
            var roles = targets.Where(t => t.Str("type") is "ROLE" or "UserGroup" or "Group").Select(t => t.Str("displayName") ?? t.Str("alternateId") ?? "").ToList();
            if (type.EndsWith(".grant", StringComparison.Ordinal) || type.EndsWith(".add", StringComparison.Ordinal)) c.Roles(roles);
            else c.Attribute("roles_removed", string.Join(", ", roles));
        }
        return [c];
    }
}
