using System.Text.Json;
using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Import;

/// <summary>OCSF Authentication events (class_uid 3002).</summary>
public sealed class OcsfMapper : IRecordMapper
{
    public string Format => "ocsf";

    public string VendorType(ImportRecord record) => $"class {record.Json.Str("class_uid")} activity {record.Json.Str("activity_id")}";

    public IReadOnlyList<CanonicalEvent> Map(ImportRecord record, string? source)
    {
        var e = record.Json;
        if (e.ValueKind != JsonValueKind.Object) throw new ImportException($"{record.Where}: an OCSF event must be a JSON object");
        if (e.Num("class_uid") is not { } classUid) throw new ImportException($"{record.Where}: 'class_uid' is missing or not a number");
        if (classUid != 3002) return [];
        int activity = (int)(e.Num("activity_id") ?? 0);
        int status = (int)(e.Num("status_id") ?? 0);
        string outcome = status == 1 ? Outcomes.Success : status == 2 ? Outcomes.Failure : Outcomes.Unknown;
        string? type = activity switch
        {
            1 => outcome == Outcomes.Failure ? "login_failure" : "login_success",
            2 => "logout",
            3 or 4 => "token_issued",
            _ => null,
        };
        if (type is null) return [];
        if (type == "login_success" && outcome == Outcomes.Unknown) type = "authorization_request";
        // OCSF specifies epoch milliseconds; some producers (the OCSF examples among them) write seconds.
        double time = e.Num("time") ?? throw new ImportException($"{record.Where}: 'time' is missing or not a number");
        var timestamp = time < 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds((long)(time * 1000)) : DateTimeOffset.FromUnixTimeMilliseconds((long)time);
        var src = e.Get("src_endpoint");
        // 3002 names the account in `user`; producers often put it (and the session) under `actor` only.
        var user = e.Get("user").ValueKind == JsonValueKind.Object ? e.Get("user") : e.Get("actor", "user");
        var session = e.Get("session").ValueKind == JsonValueKind.Object ? e.Get("session") : e.Get("actor", "session");
        string vendor = e.Str("metadata", "product", "vendor_name") ?? "unknown";
        return
        [
            new CanonicalEvent()
                .Set("event_id", e.Str("metadata", "uid") ?? e.Required(record, "metadata", "original_uid"))
                .Set("timestamp", Json.Iso(timestamp))
                .Set("event_type", type)
                .Set("outcome", outcome)
                .Set("source", source ?? $"ocsf:{vendor}")
                .Set("reason", e.Str("status_detail") ?? e.Str("status"))
                .Set("user_id", user.Str("uid"))
                .Set("username", user.Str("email_addr") ?? user.Str("name"))
                .Set("session_id", session.Str("uid"))
                .Set("ip", src.Str("ip"))
                .Set("user_agent", e.Str("http_request", "user_agent"))
                .Set("client_id", e.Str("service", "uid") ?? e.Str("service", "name"))
                .Set("endpoint", e.Str("dst_endpoint", "svc_name") ?? e.Str("http_request", "url", "path"))
                .Geo(src.Str("location", "country"), src.Str("location", "city"), src.Num("location", "lat"), src.Num("location", "long"),
                    (long?)src.Num("autonomous_system", "number"))
                .Attribute("vendor_event_type", e.Str("type_name") ?? $"3002/{activity}")
                .Attribute("time_unit", time < 100_000_000_000 ? "seconds (OCSF specifies milliseconds)" : null)
                .Attribute("original", e),
        ];
    }
}
