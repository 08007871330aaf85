using System.Net;
using System.Text.RegularExpressions;

namespace AuditDashboard.IntegrationTests.Infrastructure;

/// <summary>Signs in through the real Development sign-in form (antiforgery token and all) and keeps the cookie.</summary>
public static partial class DashboardClient
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public static HttpClient Anonymous(AppFactory app) =>
        app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<HttpClient> SignedInAsync(AppFactory app, string role, string username = "tester@example.test")
    {
        var client = Anonymous(app);
        var response = await PostLoginAsync(client, username, role);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
            throw new InvalidOperationException($"sign-in failed: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string username, string role, string returnUrl = "/")
    {
        var form = await client.GetStringAsync("/login/development?returnUrl=/");
        var token = Token().Match(form).Groups[1].Value;
        return await client.PostAsync("/login/development", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["username"] = username,
            ["role"] = role,
            ["returnUrl"] = returnUrl,
        }));
    }

    /// <summary>The antiforgery token of a page rendered for this client (for posting /logout).</summary>
    public static async Task<string> TokenFromAsync(HttpClient client, string path) =>
        Token().Match(await client.GetStringAsync(path)).Groups[1].Value;
}
