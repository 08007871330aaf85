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

        // Values only the root appsettings.json sets: nothing in code or in the web project's folder does.
        var configuration = app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        Assert.Equal("http://127.0.0.1:5080", configuration["Urls"]);
        Assert.Equal("Warning", configuration["Logging:LogLevel:Microsoft.EntityFrameworkCore"]);
        Assert.False(File.Exists(Path.Combine(RepoRoot.Path, "src", "AuditDashboard.Web", "appsettings.json")));
        Assert.Equal(256, app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.SqliteCacheMiB);

        var robots = await client.GetStringAsync("/robots.txt");
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepoRoot.Path, "wwwroot", "robots.txt")), robots);
    }
}
