using Microsoft.Playwright;

namespace AuditDashboard.E2E;

/// <summary>oidc-provider's development login and consent pages, as a user goes through them.</summary>
public static class ProviderPages
{
    /// <summary>
    /// Signs in at the provider's login page (the page must be on its way there) and consents if asked, until
    /// <paramref name="landed"/> (a locator on the client's page) appears. Both provider pages live at the same
    /// /interaction/… address, so the steps wait for what is on the page, never for the URL.
    /// </summary>
    public static async Task SignInAsync(IPage page, string login, ILocator landed)
    {
        await page.Locator("input[name=login]").FillAsync(login);
        await page.Locator("input[name=password]").FillAsync("any");
        await page.Locator("button[type=submit]").ClickAsync();
        var consent = page.Locator("form:has(input[name=prompt][value=consent]) button[type=submit]");
        await landed.Or(consent).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        if (await consent.CountAsync() > 0)
            await consent.ClickAsync();
        await landed.First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
    }

    /// <summary>After the client sent the user to the provider's sign-out: confirms it if asked, until <paramref name="signedOut"/> appears.</summary>
    public static async Task ConfirmSignOutAsync(IPage page, ILocator signedOut)
    {
        var confirm = page.Locator("button[name=logout][value=yes]");
        await signedOut.Or(confirm).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        if (await confirm.CountAsync() > 0)
            await confirm.ClickAsync();
        await signedOut.First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
    }
}
