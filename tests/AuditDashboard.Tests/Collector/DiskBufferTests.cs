using AuditDashboard.Collector;

namespace AuditDashboard.Tests.Collector;

public sealed class DiskBufferTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "auditdash-buffer", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private DiskBuffer Buffer(long max = 1024 * 1024) => new(new CollectorOptions { BufferDirectory = _folder, MaxBufferBytes = max });

    [Fact]
    public void Events_survive_a_restart_and_leave_only_once_delivered()
    {
        var first = Buffer();
        Assert.True(first.Append("""{"event_id":"a"}"""));
        Assert.True(first.Append("""{"event_id":"b"}"""));

        var restarted = Buffer();
        Assert.True(restarted.PendingBytes > 0);
        var segment = Assert.Single(restarted.Segments());
        Assert.Equal(["""{"event_id":"a"}""", """{"event_id":"b"}"""], File.ReadAllLines(segment));
        restarted.Delivered(segment);
        Assert.Empty(restarted.Segments());
        Assert.Equal(0, restarted.PendingBytes);
    }

    [Fact]
    public void Beyond_its_bound_the_buffer_drops_new_events_and_counts_them_keeping_the_old_ones()
    {
        var buffer = Buffer(max: 1024 * 1024);
        var line = new string('x', 1000);
        int kept = 0;
        for (int i = 0; i < 1100; i++) if (buffer.Append($$"""{"n":{{i}},"pad":"{{line}}"}""")) kept++;
        Assert.True(kept is > 1000 and < 1100, kept.ToString());
        Assert.Equal(1100 - kept, buffer.Dropped);
        Assert.True(buffer.PendingBytes <= 1024 * 1024);
        var lines = buffer.Segments().SelectMany(File.ReadAllLines).ToList();
        Assert.StartsWith("{\"n\":0,", lines[0]);
        Assert.Equal(kept, lines.Count);
    }

    [Fact]
    public void Options_name_every_problem()
    {
        var errors = new CollectorOptions { IngestUrl = null, ApiKey = " ", Source = "", MaxBufferBytes = 10 }.Validate().ToList();
        Assert.Equal(4, errors.Count);
        Assert.Contains("AuditDashboard collector: IngestUrl must be an absolute URL.", errors);
    }

    [Fact]
    public void Token_ids_are_the_jti_or_a_hash_and_scrubbing_removes_token_text()
    {
        Assert.Equal("jti-9", AuditCollector.TokenId("jti-9", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig"));
        Assert.Matches("^sha256:[0-9a-f]{64}$", AuditCollector.TokenId(null, "opaque-token-value"));
        Assert.Equal("IDX10223: bad token [token] here", AuditCollector.Scrub("IDX10223: bad token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln here"));
    }
}
