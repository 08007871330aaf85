using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AuditDashboard.E2E;

/// <summary>
/// npm oidc-provider (tests/AuditDashboard.E2E/oidc, installed by test.sh) on 127.0.0.1 and the dashboard in
/// Mode Oidc pointing at it, both on free ports; both stopped afterwards.
/// </summary>
public sealed class OidcServer : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "auditdash-e2e-oidc", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private Process? _provider;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public string ProviderUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        int providerPort = FreePort(), dashboardPort = FreePort();
        ProviderUrl = $"http://127.0.0.1:{providerPort}";
        BaseUrl = $"http://127.0.0.1:{dashboardPort}";

        // Run from the source folder, where test.sh ran `npm ci`.
        var script = Path.Combine(RepoRoot(), "tests", "AuditDashboard.E2E", "oidc", "provider.mjs");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(script)! };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(providerPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(BaseUrl);
        _provider = Process.Start(start)!;
        var ready = new TaskCompletionSource();
        var errors = new System.Text.StringBuilder();
        _provider.OutputDataReceived += (_, e) => { if (e.Data?.Contains("listening") == true) ready.TrySetResult(); };
        _provider.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        _provider.BeginOutputReadLine();
        _provider.BeginErrorReadLine();
        var exited = _provider.WaitForExitAsync();
        if (await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(30))) != ready.Task)
            throw new InvalidOperationException($"oidc-provider did not start (run ./test.sh, which installs tests/AuditDashboard.E2E/oidc): {errors}");

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            // Development environment (for the demo data), but the provider sign-in, as in production.
            b.UseEnvironment("Development");
            b.UseSetting("Database:SqlitePath", Path.Combine(_folder, "audit.db"));
            b.UseSetting("Demo:SeedOnEmpty", "false");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("Authentication:Mode", "Oidc");
            b.UseSetting("Authentication:Oidc:Authority", ProviderUrl);
            b.UseSetting("Authentication:Oidc:ClientId", "auditdashboard");
            b.UseSetting("Authentication:Oidc:ClientSecret", "e2e-only-secret");
            b.UseSetting("Authentication:Oidc:RoleClaim", "roles");
            b.UseSetting("Authentication:Oidc:RequireHttpsMetadata", "false");
        });
        _factory.UseKestrel(k => k.Listen(IPAddress.Loopback, dashboardPort));
        _factory.StartServer();

        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AuditDashboard.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("AuditDashboard.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        if (_provider is { HasExited: false })
        {
            _provider.Kill(entireProcessTree: true);
            await _provider.WaitForExitAsync();
        }
        _provider?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
