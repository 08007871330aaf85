using System.Net;
using System.Text;
using AuditDashboard.IntegrationTests.Infrastructure;

namespace AuditDashboard.IntegrationTests.Dashboard;

/// <summary>Event content is untrusted: markup and script in it must show as text on every page and in exports.</summary>
public sealed class UntrustedContentTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private const string Script = "<script>alert('xss')</script>";
    private const string Image = "<img src=x onerror=alert(1)>";

    [Fact]
    public async Task Markup_in_usernames_and_user_agents_is_rendered_as_text_on_every_page()
    {
        await using var app = new AppFactory(_db.Path);
        using (var ingest = await app.CreateIngestClientAsync())
        {
            var now = DateTime.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:ssZ");
            string Event(string id, string type, string outcome) =>
                $$"""{"event_id":"{{id}}","timestamp":"{{now}}","event_type":"{{type}}","outcome":"{{outcome}}","source":"idp:test","user_id":"u-x","username":"{{Script}}","session_id":"s-x","client_id":"{{Image}}","ip":"203.0.113.66","user_agent":"{{Image}}","reason":"{{Script}}"}""";
            var body = Event("x-1", "login_failure", "failure") + "\n" + Event("x-2", "login_success", "success");
            Assert.Equal(HttpStatusCode.OK, (await ingest.PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, "application/x-ndjson"))).StatusCode);
        }

        using var client = await DashboardClient.SignedInAsync(app, "Auditor");
        foreach (var page in new[] { "/", "/events", "/sessions", "/sessions/s-x", "/events?user=u-x" })
        {
            var html = await client.GetStringAsync(page);
            Assert.DoesNotContain(Script, html);
            Assert.DoesNotContain(Image, html);
        }
        // The values are there, as text.
        Assert.Contains("&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;", await client.GetStringAsync("/events"));
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", await client.GetStringAsync("/sessions"));
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", await client.GetStringAsync("/")); // top failing clients

        var csv = await client.GetStringAsync("/api/v1/export/events.csv?user=u-x");
        Assert.Contains(Script, csv); // CSV carries the data; the formula guard is tested in CsvExportTests
    }
}
