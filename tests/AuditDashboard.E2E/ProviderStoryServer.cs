using AuditDashboard.Collector.TestApi;
using AuditDashboard.Collector.TestRelyingParty;
using AuditDashboard.Core.ApiKeys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AuditDashboard.E2E;

/// <summary>
/// Four real servers on 127.0.0.1, each on Kestrel or node: the dashboard (Development sign-in, empty store); npm
/// oidc-provider, forwarding its events to the dashboard; the orders API (collector test API) validating the provider's
/// JWT access tokens; and the shop (collector test relying party) signing in at the provider and calling the API.
/// Each reports with its own ingest key. All stopped afterwards.
/// </summary>
public sealed class ProviderStoryServer : IAsyncLifetime
{
    public const string ProviderSource = "oidc-provider:e2e", ShopSource = "collector:shop", ApiSource = "collector:orders-api";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "auditdash-e2e-story", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _dashboard;
    private OidcProviderProcess? _provider;
    private WebApplication? _api, _shop;
    private IPlaywright? _playwright;

    public string DashboardUrl { get; private set; } = "";
    public string ShopUrl { get; private set; } = "";
    public string ProviderUrl => _provider!.Url;
    public string ProviderLog => _provider?.Log ?? "";
    public IBrowser Browser { get; private set; } = default!;
    public IServiceProvider Services => _dashboard!.Services;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        (_dashboard, DashboardUrl) = DashboardHost.Start(_folder, 0);
        var ingest = $"{DashboardUrl}/api/v1/events";
        var keys = _dashboard.Services.GetRequiredService<ApiKeyService>();

        // Every server on a port the system picks; the provider learns the shop's address (its redirect URIs) last.
        _provider = await OidcProviderProcess.StartAsync(_folder);

        _api = TestApiProgram.CreateApp(
        [
            .. Common("api", "http://127.0.0.1:0", ingest, (await keys.CreateAsync("orders-api", [ApiSource])).Secret, ApiSource),
            $"--Jwt:Authority={ProviderUrl}",
            "--Jwt:Audience=urn:orders-api",
        ]);
        await _api.StartAsync();
        var apiUrl = _api.Urls.First();

        _shop = RelyingPartyProgram.CreateApp(
        [
            .. Common("shop", "http://127.0.0.1:0", ingest, (await keys.CreateAsync("shop", [ShopSource])).Secret, ShopSource),
            $"--Oidc:Authority={ProviderUrl}",
            "--Oidc:ClientId=shop",
            "--Oidc:ClientSecret=e2e-only-shop-secret",
            "--Oidc:Resource=urn:orders-api",
            $"--OrdersApi:BaseUrl={apiUrl}/",
        ]);
        await _shop.StartAsync();
        ShopUrl = _shop.Urls.First();
        _provider.Configure(DashboardUrl, ShopUrl, ingest, (await keys.CreateAsync("oidc-provider", ["oidc-provider:*"])).Secret);

        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>Arguments both collector apps share: own content root and buffer folder, quick flushes, quiet logs.</summary>
    private string[] Common(string name, string url, string ingest, string key, string source)
    {
        var root = Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;
        return
        [
            $"--contentRoot={root}",
            $"--urls={url}",
            "--Logging:LogLevel:Default=Warning",
            $"--Collector:IngestUrl={ingest}",
            $"--Collector:ApiKey={key}",
            $"--Collector:Source={source}",
            $"--Collector:BufferDirectory={Path.Combine(root, "buffer")}",
            "--Collector:FlushInterval=00:00:00.200",
            "--Collector:MaxRetryDelay=00:00:01",
        ];
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        foreach (var app in new[] { _shop, _api })
        {
            if (app is null) continue;
            await app.StopAsync();
            await app.DisposeAsync();
        }
        if (_provider is not null) await _provider.DisposeAsync();
        if (_dashboard is not null) await _dashboard.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
