using System.Net.Http.Headers;
using AuditDashboard.Core.ApiKeys;
using AuditDashboard.Core.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuditDashboard.IntegrationTests.Infrastructure;

/// <summary>The real app on a real SQLite file (or, through <see cref="For"/>, any test store), demo seeding off unless asked for.</summary>
public sealed class AppFactory(string databasePath, IDictionary<string, string?>? settings = null, string environment = "Development",
    Action<IServiceCollection>? configureServices = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:SqlitePath", databasePath);
        builder.UseSetting("Reports:DevelopmentCertificatePath", Path.Combine(Path.GetDirectoryName(databasePath)!, "report-signing.pfx"));
        builder.UseSetting("Demo:SeedOnEmpty", "false");
        builder.UseSetting("Integrity:SigningKeyPath", LogKeys.Ensure(Path.GetDirectoryName(databasePath)!));
        if (environment != "Development" && !(settings?.ContainsKey("Reports:SigningCertificatePath") ?? false))
            builder.UseSetting("Reports:SigningCertificatePath", TestCertificates.SigningPfx(Path.GetDirectoryName(databasePath)!));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        if (configureServices is not null) builder.ConfigureServices(configureServices);
    }

    /// <summary>The app on a test store of any engine, with further settings on top.</summary>
    public static AppFactory For(TestStore store, IDictionary<string, string?>? settings = null, string environment = "Development",
        Action<IServiceCollection>? configureServices = null)
    {
        var all = store.Settings;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return new AppFactory(store.SqlitePath, all, environment, configureServices);
    }

    public async Task<string> CreateApiKeyAsync(string name = "test-source")
    {
        var keys = Services.GetRequiredService<ApiKeyService>();
        var (_, secret) = await keys.CreateAsync(name, ["*"]);
        return secret;
    }

    public async Task<HttpClient> CreateIngestClientAsync(string name = "test-source")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CreateApiKeyAsync(name));
        return client;
    }

    public async Task<long> CountEventsAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContextAsync();
        return await db.Events.LongCountAsync();
    }
}
