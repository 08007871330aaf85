using System.Text.Json.Nodes;

namespace AuditDashboard.IntegrationTests.Infrastructure;

public static class SampleEvents
{
    public static JsonObject Valid(string id, string source = "keycloak:test") => new()
    {
        ["event_id"] = id,
        ["timestamp"] = "2026-11-20T10:15:30.123Z",
        ["event_type"] = "login_success",
        ["outcome"] = "success",
        ["source"] = source,
        ["user_id"] = "u-1",
        ["username"] = "anna@acme.example",
        ["client_id"] = "web-portal",
        ["session_id"] = "s-1",
        ["ip"] = "203.0.113.9",
        ["user_agent"] = "Mozilla/5.0",
        ["geo"] = new JsonObject { ["country"] = "DE", ["city"] = "Berlin", ["lat"] = 52.52, ["lon"] = 13.405, ["asn"] = 3320 },
    };

    public static string Ndjson(IEnumerable<JsonObject> items) => string.Join("\n", items.Select(i => i.ToJsonString())) + "\n";

    public static string Array(IEnumerable<JsonObject> items) => new JsonArray(items.Select(i => (JsonNode)i).ToArray()).ToJsonString();
}
