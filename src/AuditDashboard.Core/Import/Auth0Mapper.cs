using System.Text.Json;
using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Import;

/// <summary>Auth0 tenant log events, bare (Management API) or in the log-stream envelope <c>{log_id, data}</c>.</summary>
public sealed class Auth0Mapper : IRecordMapper
{
    public string Format => "auth0";

    private static JsonElement Data(JsonElement e) => e.Get("data").ValueKind == JsonValueKind.Object ? e.Get("data") : e;

    public string VendorType(ImportRecord record) => Data(record.Json).Str("type") ?? "(none)";

    /// <summary>Auth0 log type codes (auth0/auth0-log-schemas) and what they become.</summary>
    private static readonly Dictionary<string, (string Type, string Outcome, string? Grant, string? Reason)> Codes = new(StringComparer.Ordinal)
    {
        ["s"] = ("login_success", Outcomes.Success, null, null),
        ["ssa"] = ("login_success", Outcomes.Success, null, "silent_authentication"),
        ["f"] = ("login_failure", Outcomes.Failure, null, null),
        ["fp"] = ("login_failure", Outcomes.Failure, null, "wrong_password"),
        ["fu"] = ("login_failure", Outcomes.Failure, null, "invalid_username"),
        ["fc"] = ("login_failure", Outcomes.Failure, null, "connector_error"),
        ["fco"] = ("login_failure", Outcomes.Failure, null, "origin_not_allowed"),
        ["fsa"] = ("login_failure", Outcomes.Failure, null, "silent_authentication_failed"),
        ["pwd_leak"] = ("login_failure", Outcomes.Failure, null, "breached_password"),
        ["limit_wc"] = ("rate_limited", Outcomes.Failure, null, "too_many_failures_blocked_ip"),
        ["limit_sul"] = ("rate_limited", Outcomes.Failure, null, "too_many_logins_for_user"),
        ["limit_mu"] = ("rate_limited", Outcomes.Failure, null, "too_many_failures_blocked_ip_multiple_users"),
        ["api_limit"] = ("rate_limited", Outcomes.Failure, null, "api_rate_limit"),
        ["slo"] = ("logout", Outcomes.Success, null, null),
        ["flo"] = ("logout", Outcomes.Failure, null, null),
        ["seacft"] = ("token_issued", Outcomes.Success, "authorization_code", null),
        ["feacft"] = ("token_issued", Outcomes.Failure, "authorization_code", null),
        ["seccft"] = ("token_issued", Outcomes.Success, "client_credentials", null),
        ["feccft"] = ("token_issued", Outcomes.Failure, "client_credentials", null),
        ["sepft"] = ("token_issued", Outcomes.Success, "password", null),
        ["fepft"] = ("token_issued", Outcomes.Failure, "password", null),
        ["sertft"] = ("token_refreshed", Outcomes.Success, "refresh_token", null),
        ["fertft"] = ("token_refreshed", Outcomes.Failure, "refresh_token", null),
        ["ferrt"] = ("token_refreshed", Outcomes.Failure, "refresh_token", "refresh_token_reuse"),
        ["srrt"] = ("token_revoked", Outcomes.Success, null, null),
        ["gd_auth_succeed"] = ("mfa_success", Outcomes.Success, null, null),
        ["gd_auth_failed"] = ("mfa_failure", Outcomes.Failure, null, null),
        ["gd_auth_rejected"] = ("mfa_failure", Outcomes.Failure, null, "push_rejected"),
        ["gd_send_pn"] = ("mfa_challenge", Outcomes.Success, null, "push"),
        ["gd_send_sms"] = ("mfa_challenge", Outcomes.Success, null, "sms"),
        ["gd_otp_rate_limit_exceed"] = ("rate_limited", Outcomes.Failure, null, "mfa_otp_rate_limit"),
        ["scoa"] = ("login_success", Outcomes.Success, null, "cross_origin_authentication"),
        ["fcoa"] = ("login_failure", Outcomes.Failure, null, "cross_origin_authentication"),
        ["sapi"] = ("admin_action", Outcomes.Success, null, null),
        ["fapi"] = ("admin_action", Outcomes.Failure, null, null),
    };

    public IReadOnlyList<CanonicalEvent> Map(ImportRecord record, string? source)
    {
        if (record.Json.ValueKind != JsonValueKind.Object) throw new ImportException($"{record.Where}: an Auth0 log event must be a JSON object");
        var d = Data(record.Json);
        string code = d.Required(record, "type");
        if (!Codes.TryGetValue(code, out var m)) return [];
        string id = record.Json.Str("log_id") ?? d.Str("log_id") ?? d.Str("_id")
            ?? throw new ImportException($"{record.Where}: 'log_id' is missing or not a string");
        return
        [
            new CanonicalEvent()
                .Set("event_id", id)
                .Set("timestamp", d.RequiredTime(record, "date"))
                .Set("event_type", m.Type)
                .Set("outcome", m.Outcome)
                .Set("source", source ?? "auth0")
                .Set("reason", m.Reason ?? d.Str("details", "error", "payload", "code") ?? d.Str("description"))
                .Set("user_id", d.Str("user_id"))
                .Set("username", d.Str("user_name"))
                .Set("client_id", d.Str("client_id") ?? d.Str("details", "qs", "client_id"))
                .Set("session_id", d.Str("session_id") ?? d.Str("details", "session_id"))
                .Set("grant_type", m.Grant)
                .Set("scope", d.Str("scope") ?? d.Str("details", "qs", "scope"))
                .Set("audience", d.Str("audience"))
                .Set("ip", d.Str("ip"))
                .Set("user_agent", d.Str("user_agent"))
                .Geo(d.Str("location_info", "country_code"), d.Str("location_info", "city_name"), d.Num("location_info", "latitude"), d.Num("location_info", "longitude"))
                .Attribute("vendor_event_type", code)
                .Attribute("description", d.Str("description"))
                .Attribute("connection", d.Str("connection"))
                .Attribute("client_name", d.Str("client_name"))
                .Attribute("hostname", d.Str("hostname"))
                .Attribute("original", d),
        ];
    }
}
