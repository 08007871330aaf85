using System.Net;
using System.Security.Claims;
using AuditDashboard.IntegrationTests.Infrastructure;
using AuditDashboard.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace AuditDashboard.IntegrationTests.Dashboard;

public sealed class AuthorizationTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    public static TheoryData<string> Pages => new() { "/", "/events", "/events/1", "/sessions", "/sessions/some-session", "/alerts", "/alerts/1", "/controls", "/reports", "/import", "/denied" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_visitors_of_a_page_are_sent_to_sign_in(string path)
    {
        await using var app = new AppFactory(_db.Path);
        using var client = DashboardClient.Anonymous(app);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Anonymous_api_calls_get_401_and_only_health_and_sign_in_are_open()
    {
        await using var app = new AppFactory(_db.Path);
        using var client = DashboardClient.Anonymous(app);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/export/events.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/export/events.ndjson")).StatusCode);
        foreach (var download in new[] { "/reports/1/pdf", "/reports/1/evidence" })
            Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync(download)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/v1/events", new StringContent("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login/development")).StatusCode);
    }

    public static TheoryData<string, string> RolesAndPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in Roles.All)
            foreach (var page in new[] { "/", "/events", "/sessions", "/alerts", "/controls", "/api/v1/export/events.csv" })
                data.Add(role, page);
        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndPages))]
    public async Task Every_dashboard_role_may_browse(string role, string path)
    {
        await using var app = new AppFactory(_db.Path);
        using var client = await DashboardClient.SignedInAsync(app, role);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.ComplianceOfficer, true)]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.Auditor, false)]
    [InlineData(Roles.SecurityAnalyst, false)]
    public async Task Only_compliance_officers_and_administrators_generate_and_download_reports(string role, bool allowed)
    {
        await using var app = new AppFactory(_db.Path);
        using var client = await DashboardClient.SignedInAsync(app, role);
        var page = await client.GetAsync("/reports");
        var download = await client.GetAsync("/reports/999/pdf");
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Compliance reports", await page.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        }
        else
        {
            Assert.DoesNotContain("data-testid=\"report-form\"", await page.Content.ReadAsStringAsync());
            Assert.NotEqual(HttpStatusCode.OK, download.StatusCode);
            Assert.NotEqual(HttpStatusCode.NotFound, download.StatusCode);
        }
    }

    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.ComplianceOfficer, false)]
    [InlineData(Roles.SecurityAnalyst, false)]
    [InlineData(Roles.Auditor, false)]
    public async Task Only_administrators_upload_vendor_logs(string role, bool allowed)
    {
        await using var app = new AppFactory(_db.Path);
        using var client = await DashboardClient.SignedInAsync(app, role);
        var page = await (await client.GetAsync("/import")).Content.ReadAsStringAsync();
        Assert.Equal(allowed, page.Contains("Import vendor logs"));
    }

    [Fact]
    public async Task The_policies_admit_exactly_their_roles_and_refuse_other_roles()
    {
        await using var app = new AppFactory(_db.Path);
        var authorization = app.Services.GetRequiredService<IAuthorizationService>();
        async Task<bool> Allowed(string policy, params string[] roles)
        {
            var identity = new ClaimsIdentity(roles.Select(r => new Claim(ClaimTypes.Role, r)).Append(new Claim(ClaimTypes.Name, "x")), "test");
            return (await authorization.AuthorizeAsync(new ClaimsPrincipal(identity), policy)).Succeeded;
        }

        foreach (var role in Roles.All) Assert.True(await Allowed(Policies.Viewer, role));
        Assert.False(await Allowed(Policies.Viewer, "Guest"));
        Assert.False(await Allowed(Policies.Viewer));
        Assert.True(await Allowed(Policies.Analyst, Roles.SecurityAnalyst));
        Assert.True(await Allowed(Policies.Analyst, Roles.Administrator));
        Assert.False(await Allowed(Policies.Analyst, Roles.Auditor));
        Assert.False(await Allowed(Policies.Analyst, Roles.ComplianceOfficer));
        Assert.True(await Allowed(Policies.Compliance, Roles.ComplianceOfficer));
        Assert.False(await Allowed(Policies.Compliance, Roles.SecurityAnalyst));
        Assert.True(await Allowed(Policies.Administrator, Roles.Administrator));
        Assert.False(await Allowed(Policies.Administrator, Roles.Auditor));
        foreach (var role in new[] { Roles.Auditor, Roles.ComplianceOfficer, Roles.Administrator }) Assert.True(await Allowed(Policies.LogReader, role));
        Assert.False(await Allowed(Policies.LogReader, Roles.SecurityAnalyst));
    }

    [Fact]
    public async Task Sign_in_refuses_unknown_roles_and_return_urls_stay_local()
    {
        await using var app = new AppFactory(_db.Path);
        using var client = DashboardClient.Anonymous(app);
        var refused = await DashboardClient.PostLoginAsync(client, "mallory", "Root");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("error=invalid", refused.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        var login = await client.GetAsync("/login?returnUrl=https://evil.example/");
        Assert.Equal("/login/development?returnUrl=%2F", login.Headers.Location!.OriginalString);
        var protocolRelative = await client.GetAsync("/login?returnUrl=//evil.example/");
        Assert.Equal("/login/development?returnUrl=%2F", protocolRelative.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/\t/127.0.0.1:5999/x")]
    [InlineData("/%09/127.0.0.1:5999/x")]
    [InlineData("/\\127.0.0.1:5999/x")]
    [InlineData("/%5C127.0.0.1:5999/x")]
    public async Task Sign_in_never_redirects_to_a_form_a_browser_normalises_off_site(string returnUrl)
    {
        await using var app = new AppFactory(_db.Path);
        using var client = DashboardClient.Anonymous(app);
        var login = await client.GetAsync("/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal("/login/development?returnUrl=%2F", login.Headers.Location!.OriginalString);
        var signedIn = await DashboardClient.PostLoginAsync(client, "tester", Roles.Auditor, returnUrl);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Development_sign_in_outside_the_development_environment_stops_the_app_with_the_reason()
    {
        await using var app = new AppFactory(_db.Path, new Dictionary<string, string?> { ["Authentication:Mode"] = "Development" }, environment: "Production");
        var ex = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("only in the Development environment", ex.ToString());
    }

    [Fact]
    public async Task Entra_id_needs_its_tenant_and_client_and_then_starts_with_the_provider_as_the_challenge()
    {
        // Entra ID itself cannot be reached from here: this checks the configuration and the wiring, not a sign-in.
        await using (var missing = new AppFactory(_db.Path, new Dictionary<string, string?> { ["Authentication:Mode"] = "EntraId" }))
        {
            var ex = Assert.ThrowsAny<Exception>(() => missing.CreateClient()).ToString();
            Assert.Contains("AzureAd:ClientId is required", ex);
            Assert.Contains("AzureAd:TenantId is required", ex);
        }
        await using var app = new AppFactory(_db.Path, new Dictionary<string, string?>
        {
            ["Authentication:Mode"] = "EntraId",
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = "00000000-0000-0000-0000-000000000001",
            ["AzureAd:ClientId"] = "00000000-0000-0000-0000-000000000002",
        });
        using var client = DashboardClient.Anonymous(app);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var page = await client.GetAsync("/events");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.AbsolutePath);
        Assert.Contains("Development sign-in is not enabled", await client.GetStringAsync("/login/development"));
    }

    [Fact]
    public async Task An_oidc_authority_over_plain_http_is_refused_at_start_unless_explicitly_allowed()
    {
        await using var app = new AppFactory(_db.Path, new Dictionary<string, string?>
        {
            ["Authentication:Mode"] = "Oidc",
            ["Authentication:Oidc:Authority"] = "http://idp.example.com/realms/acme",
            ["Authentication:Oidc:ClientId"] = "auditdashboard",
        });
        Assert.Contains("Authentication:Oidc:Authority must use https", Assert.ThrowsAny<Exception>(() => app.CreateClient()).ToString());
    }

    [Fact]
    public async Task Every_configuration_error_is_reported_at_once()
    {
        await using var app = new AppFactory(_db.Path, new Dictionary<string, string?>
        {
            ["Authentication:Mode"] = "Oidc",
            ["Ingest:MaxBatchItems"] = "0",
            ["Database:SqliteCacheMiB"] = "1",
            ["Geo:DatabasePath"] = "no-such-city.mmdb",
            ["Detection:ImpossibleTravel:MaxSpeedKmh"] = "5",
            ["Detection:CredentialStuffing:WindowMinutes"] = "0",
            ["Detection:ImpossibleTravel:MinDistanceKm"] = "-1",
            ["Integrity:VerifyIntervalMinutes"] = "0",
            ["Integrity:CheckpointIntervalMinutes"] = "0",
            ["Integrity:LogOrigin"] = "two words",
        });
        var ex = Assert.ThrowsAny<Exception>(() => app.CreateClient()).ToString();
        Assert.True(ex.Contains("Authentication:Oidc:Authority is required"), ex[..Math.Min(ex.Length, 1500)]);
        Assert.Contains("Authentication:Oidc:ClientId is required", ex);
        Assert.Contains("Ingest:MaxBatchItems must be at least 1", ex);
        Assert.Contains("Database:SqliteCacheMiB must be between", ex);
        Assert.Contains("no-such-city.mmdb' does not exist", ex);
        Assert.Contains("Detection:ImpossibleTravel:MaxSpeedKmh must be at least 100", ex);
        Assert.Contains("Detection:CredentialStuffing:WindowMinutes must be between 1 and 1440", ex);
        Assert.Contains("Detection:ImpossibleTravel:MinDistanceKm must be between 0 and 20000", ex);
        Assert.Contains("Integrity:VerifyIntervalMinutes must be from 1 to 10080", ex);
        Assert.Contains("Integrity:CheckpointIntervalMinutes must be from 1 to 1440", ex);
        Assert.Contains("Integrity:LogOrigin: a key name must have no spaces", ex);
    }

    [Fact]
    public async Task Outside_development_the_app_does_not_start_without_a_private_log_signing_key()
    {
        var missing = Path.Combine(_db.Folder, "no-such.key");
        await using (var app = new AppFactory(_db.Path, new Dictionary<string, string?> { ["Integrity:SigningKeyPath"] = missing }, "Production"))
        {
            var ex = Assert.ThrowsAny<Exception>(() => app.CreateClient()).ToString();
            Assert.Contains($"Integrity:SigningKeyPath: no signing key at {missing}", ex);
            Assert.Contains("auditdash log key create", ex);
        }
        Assert.False(File.Exists(missing));
        if (OperatingSystem.IsWindows()) return; // file modes are a Unix check
        var loose = LogKeys.Ensure(_db.Folder);
        File.SetUnixFileMode(loose, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        await using (var app = new AppFactory(_db.Path, new Dictionary<string, string?> { ["Integrity:SigningKeyPath"] = loose }, "Production"))
            Assert.Contains("may be read by other users", Assert.ThrowsAny<Exception>(() => app.CreateClient()).ToString());
    }
}
