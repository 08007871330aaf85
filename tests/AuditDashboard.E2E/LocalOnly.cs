using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace AuditDashboard.E2E;

/// <summary>
/// Browser contexts for tests that never leave this machine: every request to a host that is not loopback is
/// aborted and remembered, and <see cref="LocalOnlyTest"/> fails the test that caused it.
/// </summary>
public static class LocalOnly
{
    private static readonly ConcurrentQueue<string> Attempts = new();

    public static int Mark => Attempts.Count;

    public static IReadOnlyList<string> Since(int mark) => Attempts.Skip(mark).ToList();

    public static async Task<IBrowserContext> NewContextAsync(IBrowser browser, BrowserNewContextOptions options)
    {
        var context = await browser.NewContextAsync(options);
        await context.RouteAsync("**/*", async route =>
        {
            if (IsLocal(route.Request.Url))
            {
                await route.ContinueAsync();
                return;
            }
            Attempts.Enqueue(route.Request.Url);
            await route.AbortAsync("blockedbyclient");
        });
        return context;
    }

    public static bool IsLocal(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme is "data" or "blob" or "about" || uri.IsLoopback);
}
