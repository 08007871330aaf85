using System.Text.Json;

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
        ["s"] = ("login_success", Outcome.Success, null, null),
        ["ssa"] = ("login_success", Outcome.Success, null, "silent_authentication"),
        ["f"] = ("login_failure", Outcome.Failure, null, null),
        ["fp"] = ("login_failure", Outcome.Failure, null, "wrong_password"),
        ["fu"] = ("login_failure", Outcome.Failure, null, "invalid_username"),
        ["fc"] = ("login_failure", Outcome.Failure, null, "connector_error"),
        ["fco"] = ("login_failure", Outcome.Failure, null, "origin_not_allowed"),
        ["fsa"] = ("login_failure", Outcome.Failure, null, "silent_authentication_failed"),
        ["pwd_leak"] = ("login_failure", Outcome.Failure, null, "breached_password"),
        ["limit_wc"] = ("rate_limited", Outcome.Failure, null, "too_many_failures_blocked_ip"),
        ["limit_sul"] = ("rate_limited", Outcome.Failure, null, "too_many_logins_for_user"),
        ["limit_mu"] = ("rate_limited", Outcome.Failure, null, "too_many_failures_blocked_ip_multiple_users"),
        ["api_limit"] = ("rate_limited", Outcome.Failure, null, "api_rate_limit"),
        ["slo"] = ("logout", Outcome.Success, null, null),
        ["flo"] = ("logout", Outcome.Failure, null, null),
        ["seacft"] = ("token_issued", Outcome.Success, "authorization_code", null),
        ["feacft"] = ("token_issued", Outcome.Failure, "authorization_code", null),
        ["seccft"] = ("token_issued", Outcome.Success, "client_credentials", null),
        ["feccft"] = ("token_issued", Outcome.Failure, "client_credentials", null),
        ["sepft"] = ("token_issued", Outcome.Success, "password", null),
        ["fepft"] = ("token_issued", Outcome.Failure, "password", null),
        ["sertft"] = ("token_refreshed", Outcome.Success, "refresh_token", null),
        ["fertft"] = ("token_refreshed", Outcome.Failure, "refresh_token", null),
        ["ferrt"] = ("token_refreshed", Outcome.Failure, "refresh_token", "refresh_token_reuse"),
        ["srrt"] = ("token_revoked", Outcome.Success, null, null),
        ["gd_auth_succeed"] = ("mfa_success", Outcome.Success, null, null),
        ["gd_auth_failed"] = ("mfa_failure", Outcome.Failure, null, null),
        ["gd_auth_rejected"] = ("mfa_failure", Outcome.Failure, null, "push_rejected"),
        ["gd_send_pn"] = ("mfa_challenge", Outcome.Success, null, "push"),
        ["gd_send_sms"] = ("mfa_challenge", Outcome.Success, null, "sms"),
        ["gd_otp_rate_limit_exceed"] = ("rate_limited", Outcome.Failure, null, "mfa_otp_rate_limit"),
        ["scoa"] = ("login_success", Outcome.Success, null, "cross_origin_authentication"),
        ["fcoa"] = ("login_failure", Outcome.Failure, null, "cross_origin_authentication"),
        ["sapi"] = ("admin_action", Outcome.Success, null, null),
        ["fapi"] = ("admin_action", Outcome.Failure, null, null),
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
