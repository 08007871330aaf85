using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace AuditDashboard.E2E;

/// <summary>
/// Two dashboard instances on one PostgreSQL database, as behind a load balancer: a sign-in on one is a sign-in on the
/// other (the Data Protection key ring and the dashboard sessions live in the database), and so is a sign-out.
/// </summary>
public sealed class SeveralInstancesTests : LocalOnlyTest
{
    private const string Variable = "AUDITDASH_TEST_POSTGRES";

    public sealed class PostgreSqlFactAttribute : FactAttribute
    {
        public PostgreSqlFactAttribute()
        {
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
                Skip = $"{Variable} is not set: ./test.sh starts a PostgreSQL server and sets it";
        }
    }

    [PostgreSqlFact]
    public async Task A_sign_in_on_one_instance_is_accepted_by_another_and_a_sign_out_there_ends_it_on_both()
    {
        var folder = Path.Combine(Path.GetTempPath(), "auditdash-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = "auditdash_e2e_" + Guid.NewGuid().ToString("N")[..12];
        var connection = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(Variable)) { Database = database }.ConnectionString;
        (string, string)[] settings =
        [
            ("Database:Provider", "PostgreSQL"), ("Database:ConnectionString", connection),
            ("Reports:DevelopmentCertificatePath", Path.Combine(folder, "report-signing.pfx")),
        ];
        WebApplicationFactory<Program>? first = null, second = null;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        try
        {
            (first, var firstUrl) = DashboardHost.Start(folder, 0, settings);
            var page = await AppServer.DevelopmentSignInAsync(browser, firstUrl, "Auditor", "lb.auditor@example.test", "/events");
            await Expect(page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync("lb.auditor@example.test");

            // The second instance: another port on the same host, so the browser sends it the same cookie.
            (second, var secondUrl) = DashboardHost.Start(folder, 0, settings);
            Assert.NotEqual(firstUrl, secondUrl);
            await page.GotoAsync(secondUrl + "/sessions");
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(secondUrl) + "/sessions$"));
            await AppServer.WaitForCircuitAsync(page);
            await Expect(page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync("lb.auditor@example.test");

            // Signing out there ends the sign-in here too: the session row is shared, not the process's memory.
            await page.ClickAsync("form[action='/logout'] button");
            await page.Locator("[data-testid=signed-out]").WaitForAsync();
            await page.GotoAsync(firstUrl + "/events");
            await page.WaitForURLAsync("**/login/development**");
        }
        finally
        {
            if (second is not null) await second.DisposeAsync();
            if (first is not null) await first.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin)) await drop.ExecuteNonQueryAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
