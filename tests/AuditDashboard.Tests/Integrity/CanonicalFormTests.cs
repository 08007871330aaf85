using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Ingest;
using AuditDashboard.Core.Integrity;

namespace AuditDashboard.Tests.Integrity;

public sealed class CanonicalFormTests
{
    private static string Canonical(AccessEvent e) => Encoding.UTF8.GetString(CanonicalForm.GetBytes(e));

    private static AccessEvent Minimal() => new()
    {
        Seq = 7,
        ReceivedAt = new DateTime(2026, 11, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1),
        EventId = "e",
        Timestamp = new DateTime(2026, 11, 2, 3, 4, 0, DateTimeKind.Utc),
        EventType = "logout",
        Outcome = "success",
        Source = "s",
    };

    [Fact]
    public void Absent_fields_are_omitted_and_the_order_and_timestamp_format_are_fixed()
    {
        Assert.Equal(
            """{"seq":7,"received_at":"2026-11-02T03:04:05.0000001Z","event_id":"e","timestamp":"2026-11-02T03:04:00.0000000Z","event_type":"logout","outcome":"success","source":"s"}""",
            Canonical(Minimal()));
    }

    [Fact]
    public void Strings_are_escaped_as_rfc_8785_does_and_everything_else_is_utf8()
    {
        var e = Minimal();
        e.Username = "Zoë \"Z\" \\ \u00e5\t\n\u0001\u001f</script>😀";
        Assert.Contains("\"username\":\"Zoë \\\"Z\\\" \\\\ å\\t\\n\\u0001\\u001f</script>😀\"", Canonical(e));
    }

    [Fact]
    public void Geo_coordinates_have_six_decimals_and_roles_are_an_array()
    {
        var e = Minimal();
        e.GeoLat = -0.5;
        e.GeoLon = 13.404954;
        e.GeoAsn = 3320;
        e.Roles = """["a","b\"c"]""";
        var text = Canonical(e);
        Assert.Contains("\"roles\":[\"a\",\"b\\\"c\"]", text);
        Assert.EndsWith("\"geo\":{\"lat\":-0.500000,\"lon\":13.404954,\"asn\":3320}}", text);
    }

    /// <summary>docs/integrity.md's worked example is reproduced exactly by this implementation.</summary>
    [Fact]
    public void The_worked_example_in_docs_integrity_md_holds()
    {
        var doc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "integrity.md"));
        string Block(string name) => Regex.Match(doc, "```[a-z]* " + name + "\\n(.*?)\\n```", RegexOptions.Singleline).Groups[1].Value;

        var input = Block("example-input");
        var canonical = Block("example-canonical");
        var hash = Block("example-hash");
        Assert.NotEmpty(input);

        var errors = new List<FieldError>();
        using var json = JsonDocument.Parse(input);
        var e = new EventValidator(new IngestOptions(), TestClock.Default).Read(json.RootElement, 0, errors);
        Assert.Empty(errors);
        e!.ReceivedAt = new DateTime(2026, 11, 20, 10, 15, 31, DateTimeKind.Utc).AddTicks(2_500_000);
        var computed = HashChain.Link(e, 1, HashChain.Genesis);

        Assert.Equal(canonical, Canonical(e));
        Assert.Equal(hash, HashChain.ToHex(computed));
    }
}
