using AuditDashboard.Core.Ingest;

namespace AuditDashboard.Tests.Ingest;

public sealed class BatchReaderTests
{
    private static int Count(string body)
    {
        using var batch = BatchReader.Read(System.Text.Encoding.UTF8.GetBytes(body));
        return batch.Count;
    }

    [Fact]
    public void An_object_an_array_and_ndjson_are_read_as_items()
    {
        Assert.Equal(1, Count("""{"a":1}"""));
        Assert.Equal(3, Count("""[{"a":1},{"a":2},{"a":3}]"""));
        Assert.Equal(2, Count("{\"a\":1}\n{\"a\":2}\n"));
        Assert.Equal(2, Count("{\"a\":1}\r\n\r\n{\"a\":2}"));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("{\"a\":1}\n{\"a\":", "line 2")]
    [InlineData("[{\"a\":1}]\n[{\"a\":2}]", "whole body")]
    [InlineData("{\"a\":1}\n[{\"a\":2}]", "whole body")]
    public void Malformed_bodies_are_refused_with_a_message_that_says_where(string body, string expected)
    {
        var ex = Assert.Throws<BatchFormatException>(() => Count(body));
        Assert.Contains(expected, ex.Message);
    }
}
