using System.Text.Json;
using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Import;

/// <summary>
/// Microsoft Entra sign-ins: Graph <c>signIn</c> objects (v1.0 and beta; a list response's <c>value</c> is
/// unwrapped by the reader) and the Azure Monitor diagnostic export (<c>category</c>, payload under <c>properties</c>),
/// every sign-in category. Error codes become failure reasons (<c>AADSTS50140: …</c>).
/// </summary>
public sealed class EntraMapper : IRecordMapper
{
    public string Format => "entra";

    private static JsonElement SignIn(JsonElement e) => e.Get("properties").ValueKind == JsonValueKind.Object ? e.Get("properties") : e;

    public string VendorType(ImportRecord record) => record.Json.Str("category") ?? "signIn";

    public IReadOnlyList<CanonicalEvent> Map(ImportRecord record, string? source)
    {
        var e = record.Json;
        if (e.ValueKind != JsonValueKind.Object) throw new ImportException($"{record.Where}: an Entra sign-in must be a JSON object");
        string? category = e.Str("category");
        if (category is not null && !category.Contains("SignIn", StringComparison.OrdinalIgnoreCase)) return [];
        var s = SignIn(e);
        // Graph: status.errorCode is a number; the diagnostic export also has resultType as a string.
        var code = s.Num("status", "errorCode") ?? e.Num("resultType")
            ?? throw new ImportException($"{record.Where}: 'status.errorCode' is missing or not a number");
        bool success = code == 0;
        string? failure = s.Str("status", "failureReason") ?? e.Str("resultDescription");
        var location = s.Get("location");
        string? tenant = e.Str("tenantId") ?? s.Str("homeTenantId") ?? s.Str("resourceTenantId");
        bool servicePrincipal = category is "ServicePrincipalSignInLogs" or "ManagedIdentitySignInLogs" || s.Str("servicePrincipalId") is not null && s.Str("userId") is null;
        return
        [
            new CanonicalEvent()
                // The diagnostic export's categories are separate streams whose ids can repeat between them.
                .Set("event_id", category is null ? s.Required(record, "id") : $"{category}/{s.Required(record, "id")}")
                .Set("timestamp", s.Str("createdDateTime") is not null ? s.RequiredTime(record, "createdDateTime") : e.RequiredTime(record, "time"))
                .Set("event_type", success ? "login_success" : "login_failure")
                .Set("outcome", success ? Outcomes.Success : Outcomes.Failure)
                .Set("source", source ?? (tenant is null ? "entra" : "entra:" + tenant))
                .Set("reason", success ? null : $"AADSTS{code:0}" + (failure is null ? "" : ": " + failure))
                .Set("user_id", s.Str("userId"))
                .Set("username", s.Str("userPrincipalName") ?? s.Str("servicePrincipalName"))
                .Set("client_id", s.Str("appId"))
                .Set("session_id", s.Str("sessionId"))
                .Set("correlation_id", s.Str("correlationId") ?? e.Str("correlationId"))
                .Set("audience", s.Str("resourceId"))
                .Set("issuer", s.Str("tokenIssuerName"))
                .Set("ip", s.Str("ipAddress") ?? e.Str("callerIpAddress"))
                .Set("user_agent", s.Str("userAgent"))
                .Geo(location.Str("countryOrRegion"), location.Str("city"), location.Num("geoCoordinates", "latitude"), location.Num("geoCoordinates", "longitude"),
                    (long?)s.Num("autonomousSystemNumber"))
                .Attribute("vendor_event_type", category ?? "signIn")
                .Attribute("error_code", code.ToString("0", System.Globalization.CultureInfo.InvariantCulture))
                .Attribute("app_display_name", s.Str("appDisplayName"))
                .Attribute("client_app_used", s.Str("clientAppUsed"))
                .Attribute("is_interactive", s.Str("isInteractive"))
                .Attribute("service_principal", servicePrincipal ? "true" : null)
                .Attribute("conditional_access_status", s.Str("conditionalAccessStatus"))
                .Attribute("risk_level", s.Str("riskLevelDuringSignIn"))
                .Attribute("original", e),
        ];
    }
}
