using System.Text.Json;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Ingest;

namespace AuditDashboard.Tests.Events;

public sealed class EventValidatorTests
{
    private static readonly EventValidator Validator = new(new IngestOptions(), TestClock.Default);

    private static (AccessEvent? Event, List<FieldError> Errors) Read(string json, int index = 0)
    {
        var errors = new List<FieldError>();
        using var doc = JsonDocument.Parse(json);
        return (Validator.Read(doc.RootElement, index, errors), errors);
    }

    private static (AccessEvent? Event, List<FieldError> Errors) Read(byte[] json)
    {
        var errors = new List<FieldError>();
        using var doc = JsonDocument.Parse(json);
        return (Validator.Read(doc.RootElement, 0, errors), errors);
    }

    private const string Minimal = """{"event_id":"e1","timestamp":"2026-11-01T10:00:00Z","event_type":"logout","outcome":"success","source":"okta:acme"}""";

    [Fact]
    public void A_minimal_event_is_read()
    {
        var (e, errors) = Read(Minimal);
        Assert.Empty(errors);
        Assert.Equal("e1", e!.EventId);
        Assert.Equal(new DateTime(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc), e.Timestamp);
        Assert.Equal(DateTimeKind.Utc, e.Timestamp.Kind);
        Assert.Null(e.UserId);
    }

    [Fact]
    public void Every_problem_of_an_item_is_reported_with_its_index_and_field()
    {
        var (e, errors) = Read("""{"timestamp":"2026-13-01T10:00:00Z","event_type":"login_maybe","outcome":"ok","source":"","colour":"red","http_status":700}""", index: 7);
        Assert.Null(e);
        Assert.All(errors, err => Assert.Equal(7, err.Index));
        Assert.Equal(["colour", "event_id", "timestamp", "event_type", "outcome", "source", "http_status"], errors.Select(err => err.Field));
        Assert.Contains("login_success", errors.Single(err => err.Field == "event_type").Reason);
        Assert.Contains("success, failure, unknown", errors.Single(err => err.Field == "outcome").Reason);
        Assert.Contains("attributes", errors.Single(err => err.Field == "colour").Reason);
    }

    [Theory]
    [InlineData("2026-11-01T10:00:00.123456789+02:00", "2026-11-01T08:00:00.1234567")]
    [InlineData("2026-11-01T10:00:00.5Z", "2026-11-01T10:00:00.5000000")]
    [InlineData("2026-11-01t10:00:00-05:30", "2026-11-01T15:30:00.0000000")]
    public void Timestamps_are_stored_in_utc_keeping_sub_second_precision(string input, string expected)
    {
        var (e, errors) = Read(Minimal.Replace("2026-11-01T10:00:00Z", input));
        Assert.Empty(errors);
        Assert.Equal(expected, e!.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff"));
    }

    [Theory]
    [InlineData("2026-11-01 10:00:00")]
    [InlineData("1 Nov 2026")]
    [InlineData("2026-11-01T10:00:00")]
    [InlineData("2026-12-31T10:00:00Z")]
    [InlineData("1969-12-31T23:59:59Z")]
    public void Timestamps_without_an_offset_or_out_of_range_are_refused(string input)
    {
        var (_, errors) = Read(Minimal.Replace("2026-11-01T10:00:00Z", input));
        Assert.Equal("timestamp", Assert.Single(errors).Field);
    }

    [Theory]
    [InlineData("token_id")]
    [InlineData("username")]
    [InlineData("reason")]
    [InlineData("user_agent")]
    public void A_compact_jwt_in_any_field_is_refused(string field)
    {
        const string jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        var (_, errors) = Read(Minimal.Replace("}", $",\"{field}\":\"prefix {jwt}\"}}"));
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Contains("raw token", error.Reason);
    }

    [Fact]
    public void Tokens_hidden_in_attributes_and_bearer_credentials_are_refused()
    {
        var (_, inAttributes) = Read(Minimal.Replace("}", ",\"attributes\":{\"headers\":{\"authorization\":\"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2ln\"}}}"));
        Assert.Equal("attributes.headers.authorization", Assert.Single(inAttributes).Field);
        var (_, bearer) = Read(Minimal.Replace("}", ",\"reason\":\"header was Bearer 2YotnFZFEjr1zCsicMWpAA2YotnFZ\"}"));
        Assert.Equal("reason", Assert.Single(bearer).Field);
    }

    private const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    [Theory]
    [InlineData($",\"roles\":[\"{Jwt}\"]", "roles[0]")]
    [InlineData(",\"roles\":[\"admin\",\"Bearer 2YotnFZFEjr1zCsicMWpAA2YotnFZFEjr1zC\"]", "roles[1]")]
    [InlineData($",\"geo\":{{\"city\":\"{Jwt}\"}}", "geo.city")]
    [InlineData($",\"geo\":{{\"country\":\"{Jwt}\"}}", "geo.country")]
    [InlineData($",\"attributes\":{{\"a\":[{{\"b\":[\"x\",\"{Jwt}\"]}}]}}", "attributes.a[0].b[1]")]
    [InlineData($",\"attributes\":{{\"{Jwt}\":1}}", "attributes.(a key)")]
    public void A_raw_token_anywhere_in_an_event_is_refused_with_its_path(string member, string path)
    {
        var (e, errors) = Read(Minimal.Replace("}", member + "}"));
        Assert.Null(e);
        var error = Assert.Single(errors);
        Assert.Equal(path, error.Field);
        Assert.Contains("raw token", error.Reason);
    }

    [Theory]
    [InlineData("\"username\":\"ab\u0001\"", "username")]
    [InlineData("\"roles\":[\"ok\",\"ab\u0001\"]", "roles[1]")]
    [InlineData("\"geo\":{\"city\":\"ab\u0001\"}", "geo.city")]
    [InlineData("\"attributes\":{\"x\":{\"y\":\"ab\u0001\"}}", "attributes.x.y")]
    [InlineData("\"attributes\":{\"ab\u0001\":1}", "attributes.(a key)")]
    [InlineData("\"ab\u0001\":1", "(a key)")]
    public void Invalid_text_anywhere_is_refused_with_its_path(string member, string path)
    {
        // \u0001 stands for the bad text: a lone surrogate escape, then raw bytes that are not UTF-8.
        foreach (var bad in new[] { "\\ud800", "\\udc00x", "\\ud800\\ud800" })
        {
            var (e, errors) = Read(Minimal.Replace("}", "," + member.Replace("\u0001", bad) + "}"));
            Assert.Null(e);
            Assert.Equal(path, Assert.Single(errors).Field);
            Assert.Contains("not valid Unicode", errors[0].Reason);
        }
        foreach (var bytes in new[] { new byte[] { 0xC3 }, [0xFF, 0xFE], [0xED, 0xA0, 0x80], [0xE2, 0x82] })
        {
            var json = System.Text.Encoding.UTF8.GetBytes(Minimal.Replace("}", "," + member + "}"));
            var at = Array.IndexOf(json, (byte)1);
            var corrupted = json[..at].Concat(bytes).Concat(json[(at + 1)..]).ToArray();
            var (e, errors) = Read(corrupted);
            Assert.Null(e);
            Assert.Equal(path, Assert.Single(errors).Field);
        }
    }

    [Theory]
    [InlineData(",\"username\":\"a\",\"username\":\"b\"", "username")]
    [InlineData(",\"geo\":{\"city\":\"a\",\"city\":\"b\"}", "geo.city")]
    [InlineData(",\"attributes\":{\"x\":{\"k\":1,\"k\":2}}", "attributes.x.k")]
    public void A_key_given_twice_is_refused_with_the_key_named(string member, string path)
    {
        var (e, errors) = Read(Minimal.Replace("}", member + "}"));
        Assert.Null(e);
        var error = Assert.Single(errors);
        Assert.Equal(path, error.Field);
        Assert.Contains("more than once", error.Reason);
    }

    [Fact]
    public void A_token_hash_is_accepted_as_token_id()
    {
        var (e, errors) = Read(Minimal.Replace("}", ",\"token_id\":\"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}"));
        Assert.Empty(errors);
        Assert.StartsWith("sha256:", e!.TokenId);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("2001:DB8::1", "2001:db8::1")]
    [InlineData("::ffff:192.0.2.1", "::ffff:192.0.2.1")]
    public void Ip_addresses_are_validated_and_normalised(string input, string stored)
    {
        var (e, errors) = Read(Minimal.Replace("}", $",\"ip\":\"{input}\"}}"));
        Assert.Empty(errors);
        Assert.Equal(stored, e!.Ip);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("256.1.1.1")]
    [InlineData("example.com")]
    [InlineData("10.0.0")]
    public void Things_that_are_not_ip_addresses_are_refused(string input)
    {
        var (_, errors) = Read(Minimal.Replace("}", $",\"ip\":\"{input}\"}}"));
        Assert.Equal("ip", Assert.Single(errors).Field);
    }

    [Theory]
    [InlineData("010.001.001.001", "leading zero")]
    [InlineData("10.01.1.1", "leading zero")]
    [InlineData("0x7f.0.0.1", "dotted-quad")]
    [InlineData("2130706433", "dotted-quad")]
    [InlineData("fe80::1%eth0", "zone id")]
    [InlineData("fe80::1%4", "zone id")]
    [InlineData("::ffff:010.1.1.1", "leading zero")]
    [InlineData("[::1]", "IPv6")]
    public void Ambiguous_address_forms_are_refused_with_the_reason(string input, string reason)
    {
        var (e, errors) = Read(Minimal.Replace("}", $",\"ip\":\"{input}\"}}"));
        Assert.Null(e);
        var error = Assert.Single(errors);
        Assert.Equal("ip", error.Field);
        Assert.Contains(reason, error.Reason);
    }

    [Fact]
    public void Trace_ids_must_be_w3c()
    {
        Assert.Empty(Read(Minimal.Replace("}", ",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}")).Errors);
        Assert.Equal("trace_id", Assert.Single(Read(Minimal.Replace("}", ",\"trace_id\":\"4BF92F3577B34DA6A3CE929D0E0E4736\"}")).Errors).Field);
        Assert.Equal("trace_id", Assert.Single(Read(Minimal.Replace("}", ",\"trace_id\":\"00000000000000000000000000000000\"}")).Errors).Field);
    }

    [Fact]
    public void Geo_roles_and_attributes_are_typed()
    {
        var (e, errors) = Read(Minimal.Replace("}", """
            ,"geo":{"country":"DE","city":"Köln","lat":50.9375123456,"lon":6.9603,"asn":"AS3320"},
            "roles":["admin","auditor"],"attributes":{"okta_event":"user.session.start","n":1}}
            """));
        Assert.Empty(errors);
        Assert.Equal(50.937512, e!.GeoLat);
        Assert.Equal(3320, e.GeoAsn);
        Assert.Equal("Köln", e.GeoCity);
        Assert.Equal("""["admin","auditor"]""", e.Roles);
        Assert.Equal("""{"okta_event":"user.session.start","n":1}""", e.Attributes);

        var (_, bad) = Read(Minimal.Replace("}", ",\"geo\":{\"lat\":91},\"roles\":\"admin\",\"attributes\":[1]}"));
        Assert.Equal(["roles", "geo.lat", "attributes"], bad.Select(b => b.Field));

        var (_, half) = Read(Minimal.Replace("}", ",\"geo\":{\"lat\":10}}"));
        Assert.Equal("geo", Assert.Single(half).Field);
    }

    [Fact]
    public void Field_length_limits_name_the_setting()
    {
        var validator = new EventValidator(new IngestOptions { MaxFieldLength = 64 }, TestClock.Default);
        var errors = new List<FieldError>();
        using var doc = JsonDocument.Parse(Minimal.Replace("}", $",\"username\":\"{new string('a', 65)}\"}}"));
        Assert.Null(validator.Read(doc.RootElement, 0, errors));
        Assert.Contains("Ingest:MaxFieldLength", Assert.Single(errors).Reason);
    }

    [Fact]
    public void Empty_strings_count_as_absent_for_optional_fields()
    {
        var (e, errors) = Read(Minimal.Replace("}", ",\"username\":\"\",\"client_id\":null}"));
        Assert.Empty(errors);
        Assert.Null(e!.Username);
        Assert.Null(e.ClientId);
    }

    [Fact]
    public void Every_event_type_of_the_taxonomy_is_accepted()
    {
        foreach (var type in EventTypes.All)
            Assert.Empty(Read(Minimal.Replace("logout", type)).Errors);
        Assert.Equal(23, EventTypes.All.Count);
    }
}
