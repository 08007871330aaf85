using AuditDashboard.Core.ApiKeys;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AuditDashboard.E2E;

/// <summary>
/// The dashboard in Mode Oidc and npm oidc-provider on 127.0.0.1 (free ports), the provider forwarding its own events
/// to the dashboard's ingest API; both stopped afterwards.
/// </summary>
public sealed class OidcServer : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "auditdash-e2e-oidc", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private OidcProviderProcess? _provider;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public string ProviderUrl => _provider!.Url;
    public string ProviderLog => _provider?.Log ?? "";
    public IBrowser Browser { get; private set; } = default!;
    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        // The provider first, on a port the system picks; the dashboard, on its own, names it as authority (it
        // fetches the metadata only at the first sign-in); then the provider learns the dashboard's address and key.
        _provider = await OidcProviderProcess.StartAsync(_folder);
        (_factory, BaseUrl) = DashboardHost.Start(_folder, 0,
            ("Authentication:Mode", "Oidc"),
            ("Authentication:Oidc:Authority", _provider.Url),
            ("Authentication:Oidc:ClientId", "auditdashboard"),
            ("Authentication:Oidc:ClientSecret", "e2e-only-secret"),
            ("Authentication:Oidc:RoleClaim", "roles"),
            ("Authentication:Oidc:RequireHttpsMetadata", "false"));
        var key = (await _factory.Services.GetRequiredService<ApiKeyService>().CreateAsync("oidc-provider", ["oidc-provider:*"])).Secret;
        _provider.Configure(BaseUrl, ingestUrl: $"{BaseUrl}/api/v1/events", apiKey: key);

        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        if (_provider is not null) await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
