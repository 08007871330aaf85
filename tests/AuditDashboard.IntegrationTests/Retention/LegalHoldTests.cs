using AuditDashboard.Core.Events;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.IntegrationTests.Retention;

/// <summary>`auditdash hold add|list|release` on every engine: kept with who and why, released not deleted, each recorded in the chain.</summary>
public sealed class LegalHoldTests
{
    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task A_hold_is_placed_listed_and_released_with_its_reasons_and_each_step_is_audited(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var add = await Processes.AuditdashAsync(store, "hold", "add", "--reason", "Matter 2026-117 (Acme v. Example)", "--source", "okta:acme",
            "--from", "2026-01-01", "--to", "2026-04-01");
        Assert.True(add.ExitCode == 0, add.Stderr);
        Assert.Contains("Placed legal hold 1 on source okta:acme, 2026-01-01 00:00 to 2026-04-01 00:00: Matter 2026-117", add.Stdout);
        var everything = await Processes.AuditdashAsync(store, "hold", "add", "--reason", "regulator request R-9");
        Assert.Contains("Placed legal hold 2 on every event", everything.Stdout);

        var listed = await Processes.AuditdashAsync(store, "hold", "list");
        Assert.Equal(2, listed.Lines.Length);
        Assert.All(listed.Lines, l => Assert.Contains("in force", l));

        var release = await Processes.AuditdashAsync(store, "hold", "release", "1", "--reason", "matter settled");
        Assert.True(release.ExitCode == 0, release.Stderr);
        Assert.Single((await Processes.AuditdashAsync(store, "hold", "list")).Lines);
        var history = (await Processes.AuditdashAsync(store, "hold", "list", "--all")).Lines;
        Assert.Contains(history, l => l.StartsWith("1\treleased", StringComparison.Ordinal) && l.Contains("matter settled"));

        var again = await Processes.AuditdashAsync(store, "hold", "release", "1", "--reason", "twice");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("legal hold 1 was already released", again.Stderr);

        await using var db = store.Factory.CreateDbContext();
        var audited = await db.Events.Where(e => e.Source == EventSources.Dashboard).Select(e => e.Attributes!).ToListAsync();
        Assert.Equal(2, audited.Count(a => a.Contains("legal_hold_placed")));
        Assert.Contains(audited, a => a.Contains("legal_hold_released") && a.Contains("matter settled"));
        Assert.Equal(2, await db.LegalHolds.CountAsync());
    }

    [Fact]
    public async Task A_hold_without_a_reason_or_with_a_backwards_period_is_a_usage_error_and_stores_nothing()
    {
        await using var store = await TestStore.CreateAsync(Core.Storage.DatabaseOptions.SqliteProvider);
        var noReason = await Processes.AuditdashAsync(store, "hold", "add", "--reason", "  ");
        Assert.Equal(2, noReason.ExitCode);
        Assert.Contains("a legal hold needs a reason", noReason.Stderr);
        var backwards = await Processes.AuditdashAsync(store, "hold", "add", "--reason", "x", "--from", "2026-05-01", "--to", "2026-04-01");
        Assert.Equal(2, backwards.ExitCode);
        Assert.Contains("must start before it ends", backwards.Stderr);
        var badDate = await Processes.AuditdashAsync(store, "hold", "add", "--reason", "x", "--from", "spring");
        Assert.Equal(2, badDate.ExitCode);
        Assert.Contains("--from 'spring' is not a date", badDate.Stderr);
        var unknown = await Processes.AuditdashAsync(store, "hold", "release", "42", "--reason", "x");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("there is no legal hold 42", unknown.Stderr);
        await using var db = store.Factory.CreateDbContext();
        Assert.Equal(0, await db.LegalHolds.CountAsync());
    }
}
