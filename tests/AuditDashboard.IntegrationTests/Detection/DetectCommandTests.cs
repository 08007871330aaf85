using System.Text.Json;
using AuditDashboard.Core.Detection;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.IntegrationTests.Detection;

public sealed class DetectCommandTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Detect_over_simulated_traffic_raises_each_detectors_alerts_once_and_re_running_changes_nothing(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var factory = await Stores.SimulateAsync(store.Factory, days: 14, users: 30);
        var json = Path.Combine(store.Folder, "counts.json");

        var first = await Processes.AuditdashAsync(store, "detect", "--json", json);
        Assert.True(first.ExitCode == 0, first.Stderr);
        var counts = JsonSerializer.Deserialize<Dictionary<string, int>>(await File.ReadAllTextAsync(json))!;
        foreach (var detector in new[] { "brute_force", "password_spray", "credential_stuffing", "impossible_travel", "refresh_token_reuse",
                     "revoked_token_use", "session_hijack", "privilege_escalation", "mfa_fatigue", "rate_limit_storm", "dormant_account_reactivation" })
            Assert.True(counts[detector] >= 1, $"{detector}: {counts[detector]}");
        Assert.Contains("brute_force", first.Stdout);

        await using var db = factory.CreateDbContext();
        var alerts = await db.Alerts.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.All(alerts, a => Assert.Single(db.AlertHistory.Where(h => h.AlertId == a.Id).ToList()));

        var again = await Processes.AuditdashAsync(store, "detect", "--json", json);
        Assert.Equal(0, again.ExitCode);
        Assert.StartsWith("0 new alert(s)", again.Stdout);
        Assert.Equal(counts, JsonSerializer.Deserialize<Dictionary<string, int>>(await File.ReadAllTextAsync(json)));
        var afterRerun = await db.Alerts.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(alerts.Select(a => (a.Key, a.EvidenceCount, a.WindowEnd)), afterRerun.Select(a => (a.Key, a.EvidenceCount, a.WindowEnd)));
    }

    [Fact]
    public async Task The_alert_history_is_append_only()
    {
        var factory = await Stores.SimulatedAsync(_db.Path, days: 3, users: 10);
        Assert.Equal(0, (await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "detect")).ExitCode);
        using var connection = new SqliteConnection($"Data Source={_db.Path}");
        connection.Open();
        foreach (var sql in new[] { "UPDATE alert_history SET note = 'rewritten'", "DELETE FROM alert_history" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            Assert.Contains("append-only", Assert.Throws<SqliteException>(() => command.ExecuteNonQuery()).Message);
        }
    }

    [Fact]
    public async Task A_bad_period_is_a_usage_error()
    {
        var result = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "detect", "--from", "last tuesday");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--from 'last tuesday' is not a date", result.Stderr);
    }

    [Fact]
    public async Task A_missing_geo_database_is_a_usage_error_and_without_one_detect_says_what_it_cannot_see()
    {
        var missing = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "detect", "--geo-db", "nowhere.mmdb");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("Geo:DatabasePath", missing.Stderr);
        Assert.Contains("nowhere.mmdb' does not exist", missing.Stderr);

        await Stores.SimulatedAsync(_db.Path, days: 1, users: 4);
        var without = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "detect");
        Assert.Equal(0, without.ExitCode);
        Assert.Contains("No GeoIP database (Geo:DatabasePath or --geo-db): impossible_travel, new_country, session_hijack see only events that carry their own geo.", without.Stderr);
        Assert.Contains("integrity_break", without.Stdout);
    }
}
