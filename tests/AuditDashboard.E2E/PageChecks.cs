using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AuditDashboard.E2E;

/// <summary>What every page of a journey must pass: axe-core with no serious or critical violation, and screenshots at 1440, 1280 and 390 px.</summary>
public static class PageChecks
{
    public static readonly (int Width, int Height)[] Sizes = [(1440, 900), (1280, 800), (390, 844)];

    /// <summary>axe-core on the page as it is now; fails naming each serious or critical rule and where it was broken.</summary>
    public static async Task AccessibleAsync(IPage page, string name)
    {
        // The pointer off every control and transitions finished: a tooltip or a hover fading in is half-transparent
        // for a moment, which axe would measure as low contrast.
        await page.Mouse.MoveAsync(2, (page.ViewportSize?.Height ?? 900) - 2);
        await page.WaitForTimeoutAsync(500);
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{name}: axe-core found " + string.Join("; ", bad.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => $"{n.Target} {n.Html?[..Math.Min(n.Html.Length, 160)]} {n.Any?.FirstOrDefault()?.Message}"))}")));
    }

    /// <summary>
    /// Screenshots at each size (kept in screenshots/NAME-WIDTH.png for a person to look at); at each size the page
    /// must not scroll sideways (wide tables scroll in their own box) and Sign out must stay on screen.
    /// </summary>
    public static async Task ScreenshotsAsync(IPage page, string name)
    {
        foreach (var (width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.WaitForTimeoutAsync(300); // MudBlazor re-lays the drawer out on a breakpoint change
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 1, $"{name} at {width} px scrolls sideways by {overflow} px");
            var signOut = await page.Locator("[data-testid=sign-out]").BoundingBoxAsync();
            Assert.True(signOut is not null && signOut.X >= 0 && signOut.X + signOut.Width <= width, $"{name} at {width} px: Sign out is cut off");
        }
        await page.SetViewportSizeAsync(Sizes[0].Width, Sizes[0].Height);
    }

    public static async Task CheckAsync(IPage page, string name)
    {
        await AccessibleAsync(page, name);
        await ScreenshotsAsync(page, name);
    }
}
