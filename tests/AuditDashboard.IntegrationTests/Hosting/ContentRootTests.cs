using AuditDashboard.Core.Storage;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuditDashboard.IntegrationTests.Hosting;

public sealed class ContentRootTests
{
    [Fact]
    public async Task The_repository_root_is_the_content_root_and_its_appsettings_and_wwwroot_are_used()
    {
        using var db = new TempDatabase();
        await using var app = new AppFactory(db.Path);
        using var client = app.CreateClient();

        var env = app.Services.GetRequiredService<IWebHostEnvironment>();
        Assert.Equal(RepoRoot.Path.TrimEnd('/'), env.ContentRootPath.TrimEnd('/'));

        // A value only the root appsettings.json sets (the defaults in code differ).
        var ingest = app.Services.GetRequiredService<IOptions<AuditDashboard.Core.Ingest.IngestOptions>>().Value;
        Assert.Equal(10000, ingest.MaxBatchItems);
        Assert.Equal(64, app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.SqliteCacheMiB);

        var robots = await client.GetStringAsync("/robots.txt");
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepoRoot.Path, "wwwroot", "robots.txt")), robots);
    }
}
