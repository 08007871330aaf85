using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace AuditDashboard.E2E;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 (free port) over a temporary SQLite file seeded with demo traffic,
/// and Debian's chromium driven by Playwright. Shared by the tests of a class; stopped afterwards.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "auditdash-e2e", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    public IServiceProvider Services => _factory!.Services;
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        (_factory, BaseUrl) = DashboardHost.Start(_folder, 0,
            ("Reports:DevelopmentCertificatePath", Path.Combine(_folder, "report-signing.pfx")),
            ("Demo:SeedOnEmpty", "true"),
            ("Demo:Simulation:Days", "7"),
            ("Demo:Simulation:Users", "15"),
            ("Demo:Simulation:Seed", "7"));

        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A new browser context signed in through the Development page with the given role.</summary>
    public Task<IPage> SignedInPageAsync(string role, string username = "e2e.auditor@example.test", string returnTo = "/") =>
        DevelopmentSignInAsync(Browser, BaseUrl, role, username, returnTo);

    /// <summary>A new browser context signed in to the dashboard at <paramref name="baseUrl"/> through its Development page.</summary>
    public static async Task<IPage> DevelopmentSignInAsync(IBrowser browser, string baseUrl, string role, string username, string returnTo = "/")
    {
        var context = await LocalOnly.NewContextAsync(browser, new BrowserNewContextOptions { BaseURL = baseUrl, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(returnTo);
        await page.WaitForURLAsync("**/login/development**");
        await page.FillAsync("#username", username);
        await page.SelectOptionAsync("#role", role);
        await page.ClickAsync("button[type=submit]");
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Interactive handlers work only once the Blazor circuit is up; the layout marks that.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-testid=circuit-ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
