using System.Text.Json;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Retention;

namespace AuditDashboard.Tests.Retention;

public sealed class RetentionTests
{
    [Theory]
    [InlineData("2026-12-02", 13, "2025-11-01")]
    [InlineData("2026-01-31", 1, "2025-12-01")]
    [InlineData("2026-03-01", 12, "2025-03-01")]
    public void The_cutoff_keeps_the_current_month_and_that_many_whole_months_before_it(string today, int months, string cutoff)
    {
        var now = DateTime.Parse(today, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(DateTime.Parse(cutoff, System.Globalization.CultureInfo.InvariantCulture), RetentionOptions.Cutoff(months, now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(1201)]
    public void A_retention_period_outside_one_to_1200_months_is_refused_by_name(int months)
    {
        Assert.Contains("Retention:Months must be from 1 to 1200", Assert.Single(new RetentionOptions { Months = months }.Validate()));
        Assert.Empty(new RetentionOptions().Validate()); // unset: off
    }

    [Fact]
    public void An_archived_line_reads_back_as_the_stored_event_with_the_same_chain_hash()
    {
        var e = new AccessEvent
        {
            EventId = "e-1", Timestamp = new DateTime(2026, 5, 10, 11, 59, 0, DateTimeKind.Utc).AddTicks(1234567), EventType = EventTypes.LoginSuccess,
            Outcome = Outcomes.Success, Source = "okta:acme", UserId = "u1", Username = "Zoë <script>", Roles = "[\"admin\"]", HttpStatus = 200,
            GeoCountry = "DE", GeoLat = 52.52, GeoLon = 13.0, GeoAsn = 3320, Attributes = "{\"k\":\"v\\u0000\"}",
        };
        HashChain.Link(e, 42, HashChain.Genesis);
        e.ReceivedAt = new DateTime(2026, 5, 10, 12, 0, 0, DateTimeKind.Utc);
        HashChain.Link(e, 42, HashChain.Genesis);

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer)) ArchiveJson.Write(w, e);
        var back = ArchiveJson.Read(buffer.WrittenSpan);

        Assert.Equal(e.Hash, HashChain.ComputeHash(HashChain.Genesis, back));
        Assert.Equal(e.Hash, back.Hash);
        Assert.Equal((e.Username, e.GeoLon, e.ReceivedAt), (back.Username, back.GeoLon, back.ReceivedAt));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"seq\":\"one\"}")]
    [InlineData("not json")]
    public void A_line_that_is_not_an_archived_event_is_a_format_error(string line) =>
        Assert.Throws<FormatException>(() => ArchiveJson.Read(System.Text.Encoding.UTF8.GetBytes(line)));
}
