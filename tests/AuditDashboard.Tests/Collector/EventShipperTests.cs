using System.Net;
using AuditDashboard.Collector;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Tests.Collector;

/// <summary>A segment the dashboard refuses for its content becomes a dead letter; the queue behind it moves on.</summary>
public sealed class EventShipperTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "auditdash-shipper", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private sealed class Answers(Func<string, HttpStatusCode> answer) : HttpMessageHandler
    {
        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            Bodies.Add(body);
            return new HttpResponseMessage(answer(body)) { Content = new StringContent("{\"detail\":\"refused\"}") };
        }
    }

    private sealed class Clients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private (EventShipper Shipper, DiskBuffer Buffer, Answers Server) Start(Func<string, HttpStatusCode> answer)
    {
        var options = new CollectorOptions { BufferDirectory = _folder, IngestUrl = new Uri("http://dashboard.test/api/v1/events"), ApiKey = "k" };
        var buffer = new DiskBuffer(options);
        var server = new Answers(answer);
        return (new EventShipper(buffer, new Clients(server), Options.Create(options), NullLogger<EventShipper>.Instance), buffer, server);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(HttpStatusCode.UnsupportedMediaType)]
    [InlineData(HttpStatusCode.UnprocessableEntity)]
    public async Task A_refused_segment_becomes_a_dead_letter_and_the_next_one_is_delivered(HttpStatusCode refusal)
    {
        var (shipper, buffer, server) = Start(body => body.Contains("\"bad\"") ? refusal : HttpStatusCode.OK);
        buffer.Append("""{"event_id":"bad"}""");
        buffer.Segments();
        buffer.Append("""{"event_id":"good"}""");

        Assert.True(await shipper.FlushAsync(CancellationToken.None));
        Assert.Equal(2, server.Bodies.Count);
        Assert.Equal(1, shipper.SegmentsDelivered);
        Assert.Equal(1, shipper.DeadLetters);
        var letter = Assert.Single(Directory.GetFiles(_folder, "*" + DiskBuffer.DeadLetterSuffix));
        Assert.Contains("\"bad\"", await File.ReadAllTextAsync(letter));
        Assert.Empty(buffer.Segments());

        // The count survives a restart of the host, and a dead letter is never sent again.
        var (again, restarted, server2) = Start(_ => HttpStatusCode.OK);
        Assert.Equal(1, restarted.DeadLetters);
        Assert.True(await again.FlushAsync(CancellationToken.None));
        Assert.Empty(server2.Bodies);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Server_key_and_rate_limit_failures_keep_the_segment_for_a_retry(HttpStatusCode failure)
    {
        var (shipper, buffer, server) = Start(_ => failure);
        buffer.Append("""{"event_id":"a"}""");
        Assert.False(await shipper.FlushAsync(CancellationToken.None));
        Assert.Equal(0, shipper.DeadLetters);
        Assert.Single(buffer.Segments());
        Assert.Single(server.Bodies);
    }
}
