using AuditDashboard.Core.Events;
using AuditDashboard.Core.Ingest;
using AuditDashboard.Core.Storage;
using AuditDashboard.IntegrationTests.Infrastructure;
using AuditDashboard.IntegrationTests.Integrity;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.IntegrationTests.Retention;

/// <summary>
/// `auditdash retention plan|apply` on SQLite and PostgreSQL: months past Retention:Months leave only covered by a
/// signed checkpoint, archived and read back, and not held; the purge is in the chain; afterwards `auditdash verify`,
/// docs/verify_chain.py, docs/verify_archive.py and Go's sumdb/tlog all verify from the retention boundary.
/// </summary>
public sealed class RetentionTests
{
    /// <summary>The engines retention runs on (SQL Server refuses it by name: docs/retention.md).</summary>
    public static TheoryData<string> Engines => TestStore.ProvidersExcept(DatabaseOptions.SqlServerProvider);

    // The CLI judges retention by today's date, so the months are counted back from it (read once).
    private static readonly DateTime ThisMonth = new(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 0, 0, 0, DateTimeKind.Utc);
    private static DateTime Month(int back) => ThisMonth.AddMonths(-back);
    private static string Name(int back) => Month(back).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    [Theory, MemberData(nameof(Engines))]
    public async Task Months_past_the_period_leave_archived_and_the_store_verifies_from_the_boundary(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        foreach (var back in new[] { 5, 4, 3, 1 }) await IngestMonthAsync(store, Month(back), 10);
        var config = Config(store);

        var plan = await Processes.AuditdashAsync(store.Folder, config, [.. store.CliArgs, "retention", "plan"]);
        Assert.True(plan.ExitCode == 0, plan.Stderr);
        Assert.Equal([$"{Name(5)}\tmay leave\tseq 1 to 20 (20 events)", $"{Name(4)}\tmay leave\tseq 21 to 40 (20 events)",
            $"{Name(3)}\tmay leave\tseq 41 to 60 (20 events)"], plan.Lines);
        await using (var db = store.Factory.CreateDbContext()) Assert.Equal(80, await db.Events.CountAsync());

        var apply = await Processes.AuditdashAsync(store.Folder, config, [.. store.CliArgs, "retention", "apply"]);
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains($"Purged {Name(3)}: seq 41 to 60 (20 events)", apply.Stdout);
        Assert.Contains("The store now starts at seq 61", apply.Stdout);
        await using (var db = store.Factory.CreateDbContext())
        {
            Assert.Equal(61, await db.Events.Where(e => e.Source != EventSources.Dashboard).MinAsync(e => e.Seq));
            Assert.Equal(3, await db.RetentionBoundaries.CountAsync());
            var audited = await db.Events.Where(e => e.Source == EventSources.Dashboard).Select(e => e.Attributes!).ToListAsync();
            Assert.Equal(3, audited.Count(a => a.Contains("\"action\":\"retention_purge\"")));
            Assert.Contains(audited, a => a.Contains($"\"month\":\"{Name(5)}\"") && a.Contains("\"events\":\"20\""));
        }

        var key = LogKeys.VerifierKey(store.Folder);
        var verify = await Processes.AuditdashAsync(store.Folder, config, [.. store.CliArgs, "verify", "--key", key]);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        Assert.Contains("verified from the retention boundary (seq 61: seq 1 to 60 left the store", verify.Stdout);
        Assert.Contains($"archived in archive/{Name(3)}", verify.Stdout);

        var published = config["Integrity__PublishDirectory"];
        foreach (var back in new[] { 5, 4, 3 })
        {
            var offline = await VerifyArchiveAsync(store, Path.Combine(published, "archive", Name(back)), published, key);
            Assert.True(offline.ExitCode == 0, offline.Stdout + offline.Stderr);
            Assert.Contains($"VERIFIED: {Name(back)}: seq", offline.Stdout);
        }
        var reference = await Processes.RunAsync(ReferenceLogCheckTests.Checker(), ["log", key, published], store.Folder);
        Assert.True(reference.ExitCode == 0, reference.Stderr);
        if (store.IsSqlite)
        {
            var python = await Processes.RunAsync("python3", [Path.Combine(RepoRoot.Path, "docs", "verify_chain.py"), store.SqlitePath], store.Folder);
            Assert.True(python.ExitCode == 0, python.Stdout);
            Assert.Contains("from the retention boundary (seq 1 to 60 left the store", python.Stdout);
        }

        var proof = await Processes.AuditdashAsync(store.Folder, config, [.. store.CliArgs, "proof", "--seq", "5", "--out", Path.Combine(store.Folder, "proofs")]);
        Assert.Equal(1, proof.ExitCode);
        Assert.Contains($"seq 5 left the store with {Name(5)}", proof.Stderr);
        Assert.Contains($"archive/{Name(5)}", proof.Stderr);

        // The chain goes on; nothing more is past the period; a changed archive is refused offline.
        await IngestMonthAsync(store, Month(1), 5, first: 100);
        var again = await Processes.AuditdashAsync(store.Folder, config, [.. store.CliArgs, "retention", "apply"]);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.DoesNotContain("Purged", again.Stdout);
        Assert.Equal(0, (await Processes.AuditdashAsync(store.Folder, config, [.. store.CliArgs, "verify", "--key", key])).ExitCode);
        var events = Path.Combine(published, "archive", Name(4), "events.ndjson");
        await File.WriteAllTextAsync(events, (await File.ReadAllTextAsync(events)).Replace("\"username\":\"bob\"", "\"username\":\"eve\""));
        var changed = await VerifyArchiveAsync(store, Path.Combine(published, "archive", Name(4)), published, key);
        Assert.Equal(1, changed.ExitCode);
        Assert.Contains("NOT VERIFIED", changed.Stdout);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task A_legal_hold_keeps_its_month_and_every_later_one_until_it_is_released(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        foreach (var back in new[] { 5, 4, 3, 1 }) await IngestMonthAsync(store, Month(back), 10);
        var config = Config(store);
        var hold = await Processes.AuditdashAsync(store, "hold", "add", "--reason", "Matter 7", "--user", "bob",
            "--from", Month(4).ToString("yyyy-MM-dd"), "--to", Month(3).ToString("yyyy-MM-dd"));
        Assert.True(hold.ExitCode == 0, hold.Stderr);

        var apply = await Processes.AuditdashAsync(store.Folder, config, [.. store.CliArgs, "retention", "apply"]);
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains($"Purged {Name(5)}: seq 1 to 20", apply.Stdout);
        Assert.Contains($"{Name(4)}\tkept\tseq 21 to 40 (20 events): legal hold 1 (user bob", apply.Stdout);
        Assert.DoesNotContain($"Purged {Name(3)}", apply.Stdout);
        await using (var db = store.Factory.CreateDbContext())
            Assert.Equal(21, await db.Events.Where(e => e.Source != EventSources.Dashboard).MinAsync(e => e.Seq));

        Assert.Equal(0, (await Processes.AuditdashAsync(store, "hold", "release", "1", "--reason", "settled")).ExitCode);
        var after = await Processes.AuditdashAsync(store.Folder, config, [.. store.CliArgs, "retention", "apply"]);
        Assert.True(after.ExitCode == 0, after.Stdout + after.Stderr);
        Assert.Contains($"Purged {Name(4)}: seq 21 to 40", after.Stdout);
        Assert.Contains($"Purged {Name(3)}: seq 41 to 60", after.Stdout);
        var verify = await Processes.AuditdashAsync(store.Folder, config, [.. store.CliArgs, "verify", "--key", LogKeys.VerifierKey(store.Folder)]);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
    }

    [Fact]
    public async Task On_sqlite_only_events_up_to_a_covered_boundary_may_be_deleted_and_a_forged_boundary_opens_nothing()
    {
        await using var store = await TestStore.CreateAsync(DatabaseOptions.SqliteProvider);
        foreach (var back in new[] { 5, 1 }) await IngestMonthAsync(store, Month(back), 10);
        // A boundary no signed checkpoint covers, written straight into the file, does not let a row go.
        await Processes.Sqlite3Async(store.SqlitePath,
            "INSERT INTO retention_boundaries (last_seq, month, first_seq, last_hash, checkpoint_size, checkpoint_note, archive, archive_sha256, purged_at, purged_by) " +
            "VALUES (1000000, '2000-01', 1, zeroblob(32), 0, 'x', 'x', zeroblob(32), 0, 'mallory')");
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Processes.Sqlite3Async(store.SqlitePath, "DELETE FROM access_events WHERE seq = 5"));
        Assert.Contains("append-only: DELETE refused", ex.Message);

        var apply = await Processes.AuditdashAsync(store.Folder, Config(store), [.. store.CliArgs, "retention", "apply"]);
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains($"Purged {Name(5)}: seq 1 to 20", apply.Stdout);
        // The real boundary is seq 20; the kept events past it stay guarded, and verify names the forged row.
        var kept = await Assert.ThrowsAsync<InvalidOperationException>(() => Processes.Sqlite3Async(store.SqlitePath, "DELETE FROM access_events WHERE seq = 21"));
        Assert.Contains("append-only: DELETE refused", kept.Message);
        var verify = await Processes.AuditdashAsync(store, "verify");
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("a retention boundary at seq 1000000 that no signed checkpoint covers", verify.Stdout);
    }

    [Fact]
    public async Task Without_a_period_or_a_publish_directory_nothing_leaves_and_the_reason_is_named()
    {
        await using var store = await TestStore.CreateAsync(DatabaseOptions.SqliteProvider);
        foreach (var back in new[] { 5, 1 }) await IngestMonthAsync(store, Month(back), 5);
        var config = Config(store);

        config.Remove("Retention__Months");
        var off = await Processes.AuditdashAsync(store.Folder, config, [.. store.CliArgs, "retention", "apply"]);
        Assert.Equal(2, off.ExitCode);
        Assert.Contains("Retention:Months is not set: retention is off", off.Stderr);

        config["Retention__Months"] = "0";
        var zero = await Processes.AuditdashAsync(store.Folder, config, [.. store.CliArgs, "retention", "plan"]);
        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("Retention:Months must be from 1 to 1200", zero.Stderr);

        config["Retention__Months"] = "2";
        config.Remove("Integrity__PublishDirectory");
        var unpublished = await Processes.AuditdashAsync(store.Folder, config, [.. store.CliArgs, "retention", "apply"]);
        Assert.Equal(1, unpublished.ExitCode);
        Assert.Contains("retention needs Integrity:PublishDirectory", unpublished.Stderr);

        // A publish directory that cannot be written (here a file stands where it should be).
        var blocked = Path.Combine(store.Folder, "blocked");
        await File.WriteAllTextAsync(blocked, "not a directory");
        config["Integrity__PublishDirectory"] = blocked;
        var failed = await Processes.AuditdashAsync(store.Folder, config, [.. store.CliArgs, "retention", "apply"]);
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("Nothing more left the store", failed.Stderr);
        await using var db = store.Factory.CreateDbContext();
        Assert.Equal(1, await db.Events.MinAsync(e => e.Seq));
        Assert.Equal(0, await db.RetentionBoundaries.CountAsync());
    }

    private static Dictionary<string, string> Config(TestStore store) => new()
    {
        ["Integrity__SigningKeyPath"] = LogKeys.Ensure(store.Folder),
        ["Integrity__PublishDirectory"] = Path.Combine(store.Folder, "published"),
        ["Retention__Months"] = "2",
    };

    private static Task<Processes.Result> VerifyArchiveAsync(TestStore store, string archive, string published, string key) =>
        Processes.RunAsync("python3", [Path.Combine(RepoRoot.Path, "docs", "verify_archive.py"), "--archive", archive, "--log", published, "--key", key], store.Folder);

    /// <summary>Two users' events received on the 10th of <paramref name="month"/>, through the ingest service.</summary>
    private static async Task IngestMonthAsync(TestStore store, DateTime month, int perUser, int first = 0)
    {
        var at = month.AddDays(9).AddHours(12);
        var service = new IngestService(store.Factory, new IngestOptions(), new TestClock(new DateTimeOffset(at)));
        var events = new[] { "alice", "bob" }.SelectMany(user => Enumerable.Range(first, perUser).Select(i => new AccessEvent
        {
            EventId = $"{month:yyyyMM}-{user}-{i}", Timestamp = at.AddMinutes(-i - 1), EventType = EventTypes.TokenIssued, Outcome = Outcomes.Success,
            Source = "okta:acme", UserId = user, Username = user, ClientId = "shop", Ip = "203.0.113.7",
        })).ToList();
        var result = await service.IngestJsonAsync(EventJson.ToNdjson(events), "test");
        Assert.True(result.Status == IngestStatus.Accepted, result.Message);
    }
}
