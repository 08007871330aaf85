using System.Text.Json;

namespace AuditDashboard.Core.Events;

/// <summary>What a dashboard event (source <c>auditdashboard</c>) records: a sign-in, a sign-out or the named action.</summary>
public static class DashboardActions
{
    public const string SignIn = "sign_in";
    public const string SignOut = "sign_out";
    public const string Triage = "alert_triage";

    /// <summary>Exports of evidence: event exports and report downloads.</summary>
    public static bool IsExport(string action) => action is "export_events" or "report_download" or "report_evidence_download";

    public static string Of(string eventType, string? attributes) => eventType switch
    {
        EventTypes.LoginSuccess or EventTypes.LoginFailure => SignIn,
        EventTypes.Logout => SignOut,
        _ => Clip(Recorded(attributes) ?? eventType, 64),
    };

    private static string? Recorded(string? attributes)
    {
        if (attributes is null) return null;
        try
        {
            using var doc = JsonDocument.Parse(attributes);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String
                ? a.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}
