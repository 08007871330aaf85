using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace AuditDashboard.Collector.TestRelyingParty;

/// <summary>The shop's pages: who is signed in, refresh the tokens, list the orders from the orders API, sign out.</summary>
public static class ShopEndpoints
{
    public const string OrdersClient = "orders-api";

    public static void MapShop(this IEndpointRouteBuilder app)
    {
        // The forms post without antiforgery tokens: this is a test app, and its cookie is SameSite=Lax.
        app.MapGet("/", (HttpContext http, string? done) => Page("Shop",
            $"""
            <p data-testid="user">Signed in as {Text(http.User.FindFirst("sub")?.Value)} ({Text(http.User.Identity?.Name)})</p>
            <p>Session <span data-testid="session-id">{Text(http.User.FindFirst("sid")?.Value)}</span></p>
            {(done is null ? "" : $"<p data-testid=\"done\">{Text(done)}</p>")}
            <form method="post" action="/refresh"><button type="submit" name="refresh">Refresh tokens</button></form>
            <p><a href="/orders" data-testid="orders-link">My orders</a></p>
            <form method="post" action="/logout"><button type="submit" name="logout">Sign out</button></form>
            """)).RequireAuthorization();

        app.MapPost("/refresh", async (HttpContext http, TokenClient tokens, CancellationToken cancellationToken) =>
            await tokens.RefreshAsync(http, cancellationToken) is { } error
                ? Page("Refresh failed", $"<p data-testid=\"error\">{Text(error)}</p>", StatusCodes.Status502BadGateway)
                : Results.Redirect("/?done=tokens+refreshed")).RequireAuthorization();

        app.MapGet("/orders", async (HttpContext http, IHttpClientFactory clients, CancellationToken cancellationToken) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "orders");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await http.GetTokenAsync("access_token"));
            using var response = await clients.CreateClient(OrdersClient).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return Page("My orders", $"<p data-testid=\"orders-status\">{(int)response.StatusCode}</p><pre data-testid=\"orders\">{Text(body)}</pre><p><a href=\"/\">Back</a></p>",
                response.IsSuccessStatusCode ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway);
        }).RequireAuthorization();

        app.MapPost("/logout", async (HttpContext http, TokenClient tokens, CancellationToken cancellationToken) =>
        {
            await tokens.RevokeRefreshTokenAsync(http, cancellationToken);
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/signed-out" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
        }).RequireAuthorization();

        app.MapGet("/signed-out", () => Page("Signed out", "<p data-testid=\"signed-out\">You are signed out.</p>"));
    }

    private static string Text(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    private static IResult Page(string title, string body, int status = StatusCodes.Status200OK) =>
        Results.Content($"<!doctype html><html><head><meta charset=\"utf-8\"><title>{Text(title)}</title></head><body><h1>{Text(title)}</h1>{body}</body></html>",
            "text/html; charset=utf-8", statusCode: status);
}
