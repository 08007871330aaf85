using System.Net;
using AuditDashboard.IntegrationTests.Infrastructure;
using AuditDashboard.Web.Auth;

namespace AuditDashboard.IntegrationTests.Dashboard;

/// <summary>An address nothing answers gets the app's own 404 page; API routes keep their problem+json.</summary>
public sealed class NotFoundTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task An_unknown_page_is_a_404_with_a_page_and_the_favicon_is_served()
    {
        await using var app = new AppFactory(_db.Path);
        using var client = await DashboardClient.SignedInAsync(app, Roles.Auditor);
        var response = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is nothing at this address", await response.Content.ReadAsStringAsync());

        var api = await client.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain("There is nothing at this address", await api.Content.ReadAsStringAsync());

        using var anonymous = DashboardClient.Anonymous(app);
        var icon = await anonymous.GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.Contains("rel=\"icon\"", await client.GetStringAsync("/"));
    }
}
