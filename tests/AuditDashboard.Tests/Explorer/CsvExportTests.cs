using AuditDashboard.Core.Events;
using AuditDashboard.Core.Explorer;

namespace AuditDashboard.Tests.Explorer;

public sealed class CsvExportTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1+1", "\"'+1+1\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("-6.208763", "-6.208763")]
    [InlineData("-12", "-12")]
    [InlineData("-1.", "\"'-1.\"")]
    [InlineData("-.5", "\"'-.5\"")]
    [InlineData("-1.2.3", "\"'-1.2.3\"")]
    [InlineData("-", "\"'-\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tcmd", "\"'\tcmd\"")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Cells_that_could_start_a_formula_are_neutralised_and_quoting_follows_rfc_4180(string? value, string expected) =>
        Assert.Equal(expected, CsvExport.Cell(value));

    [Fact]
    public void A_line_has_one_cell_per_header_column()
    {
        var e = new AccessEvent
        {
            Seq = 3, EventId = "e,1", Timestamp = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), ReceivedAt = new DateTime(2026, 1, 2, 3, 4, 6, DateTimeKind.Utc),
            EventType = "logout", Outcome = "success", Source = "s", Username = "=cmd", PrevHash = new byte[32], Hash = new byte[32],
        };
        var line = CsvExport.Line(e);
        Assert.EndsWith("\r\n", line);
        Assert.StartsWith("3,2026-01-02T03:04:05.0000000Z,2026-01-02T03:04:06.0000000Z,\"e,1\",logout,success,,s,,\"'=cmd\",", line);
        Assert.Equal(CsvExport.Header.Length, CsvExport.HeaderLine.Split(',').Length);
    }
}
