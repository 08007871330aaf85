namespace AuditDashboard.IntegrationTests.Collector;

/// <summary>Passes requests to the dashboard, or fails them as a network outage would while <see cref="Down"/>.</summary>
public sealed class OutageHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public volatile bool Down;
    public int Refused;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!Down) return base.SendAsync(request, cancellationToken);
        Interlocked.Increment(ref Refused);
        throw new HttpRequestException("connection refused (simulated outage)");
    }
}
