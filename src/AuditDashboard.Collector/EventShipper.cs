using System.Net.Http.Headers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Collector;

/// <summary>
/// Sends the buffered segments to the ingest API, oldest first, retrying with growing delays while the dashboard is
/// down. Re-sending is safe: every event has its own id, and the dashboard counts a repeat as a duplicate.
/// </summary>
public sealed class EventShipper(DiskBuffer buffer, IHttpClientFactory clients, IOptions<CollectorOptions> options, ILogger<EventShipper> logger) : BackgroundService
{
    public const string HttpClientName = "AuditDashboard.Collector";
    private TimeSpan _delay = TimeSpan.Zero;

    /// <summary>Delivered segments since start (for health pages and tests).</summary>
    public long SegmentsDelivered { get; private set; }

    /// <summary>Segments refused for their content and kept as dead letters (see <see cref="DiskBuffer.DeadLetters"/>).</summary>
    public long DeadLetters => buffer.DeadLetters;

    /// <summary>
    /// A refusal of the batch itself (malformed, over a limit, a media type or content the server cannot take).
    /// Not a key or address problem (401, 403, 404), a timeout (408) or rate limit (429): those are retried.
    /// </summary>
    public static bool RefusedForContent(int status) => status is >= 400 and < 500 and not (401 or 403 or 404 or 408 or 429);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await FlushAsync(stoppingToken);
            try
            {
                await Task.Delay(_delay > TimeSpan.Zero ? _delay : options.Value.FlushInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>A last delivery attempt on shutdown; what cannot be sent stays on disk for the next start.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    /// <summary>Sends every sealed segment; stops at the first failure and backs off.</summary>
    public async Task<bool> FlushAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        foreach (var segment in buffer.Segments())
        {
            try
            {
                using var client = clients.CreateClient(HttpClientName);
                using var request = new HttpRequestMessage(HttpMethod.Post, o.IngestUrl)
                {
                    Content = new ByteArrayContent(await File.ReadAllBytesAsync(segment, cancellationToken)),
                };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.ApiKey);
                using var response = await client.SendAsync(request, cancellationToken);
                if (RefusedForContent((int)response.StatusCode))
                {
                    // Retrying the same bytes cannot help, and would hold up everything queued behind them: keep the
                    // evidence beside the buffer as a dead letter and move on.
                    var body = await response.Content.ReadAsStringAsync(cancellationToken);
                    logger.LogError("AuditDashboard refused {Segment}: {Status} {Body}; kept as a dead letter ({DeadLetters} so far)",
                        Path.GetFileName(segment), (int)response.StatusCode, body.Length > 2000 ? body[..2000] : body, buffer.DeadLetters + 1);
                    buffer.SetAside(segment);
                    continue;
                }
                response.EnsureSuccessStatusCode();
                buffer.Delivered(segment);
                SegmentsDelivered++;
                _delay = TimeSpan.Zero;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                _delay = _delay == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromTicks(Math.Min(_delay.Ticks * 2, o.MaxRetryDelay.Ticks));
                logger.LogWarning("AuditDashboard unreachable ({Message}); {Pending} bytes wait on disk, retrying in {Delay}", ex.Message, buffer.PendingBytes, _delay);
                return false;
            }
        }
        return true;
    }
}
