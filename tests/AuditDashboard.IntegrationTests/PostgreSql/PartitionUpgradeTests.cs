using AuditDashboard.Core.Events;
using AuditDashboard.Core.Ingest;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Storage;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace AuditDashboard.IntegrationTests.PostgreSql;

/// <summary>A PostgreSQL store made before monthly partitions (ADR 0018) keeps every event and its chain through the migration.</summary>
public sealed class PartitionUpgradeTests
{
    [PostgreSqlFact]
    public async Task A_store_from_before_partitions_keeps_its_events_chain_and_uniqueness_when_migrated()
    {
        await using var store = await TestStore.CreateAsync(DatabaseOptions.PostgreSqlProvider, migrate: false);
        await using (var db = store.Factory.CreateDbContext())
            await db.GetService<IMigrator>().MigrateAsync("20261202061358_RetentionBoundaries");

        // Two months of events as the version before stored them: one chained batch per month, with its head.
        byte[] prev = HashChain.Genesis;
        long seq = 0;
        var september = new DateTime(2026, 9, 15, 8, 0, 0, DateTimeKind.Utc);
        foreach (var received in new[] { september, september.AddMonths(1) })
        {
            var batch = Enumerable.Range(0, 300).Select(i => new AccessEvent
            {
                EventId = $"{received:MM}-{i}", Timestamp = received.AddSeconds(-i), ReceivedAt = received, EventType = EventTypes.LoginSuccess,
                Outcome = Outcomes.Success, Source = "okta:acme", UserId = $"u{i % 7}",
            }).ToList();
            long first = seq + 1;
            foreach (var e in batch) prev = HashChain.Link(e, ++seq, prev);
            await using var db = store.Factory.CreateDbContext();
            await using var tx = await db.Database.BeginTransactionAsync();
            await PostgreSqlCopy.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), batch, CancellationToken.None);
            db.ChainHeads.Add(new ChainHead { FirstSeq = first, LastSeq = seq, Hash = prev, RecordedAt = received, Origin = "before partitions" });
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        await using (var db = store.Factory.CreateDbContext()) await AuditStore.MigrateAsync(db);

        await using (var db = store.Factory.CreateDbContext())
        {
            var result = await ChainVerifier.VerifyAsync(db);
            Assert.True(result.Intact, result.Message);
            Assert.Equal(600, result.EventsChecked);
            var partitions = await db.Database.SqlQueryRaw<string>(
                "SELECT c.relname AS \"Value\" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'access_events'::regclass").ToListAsync();
            Assert.Contains("access_events_y2026m09", partitions);
            Assert.Contains("access_events_y2026m10", partitions);
            Assert.Equal(300, await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM access_events_y2026m09").SingleAsync());
            Assert.Equal(600, await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM event_keys").SingleAsync());
        }

        // An event stored before the migration is still a duplicate after it; a new one extends the same chain.
        var service = new IngestService(store.Factory, new IngestOptions(), TestClock.Default);
        var again = await service.IngestJsonAsync(EventJson.ToNdjson([new AccessEvent
        {
            EventId = "09-5", Timestamp = september, EventType = EventTypes.LoginSuccess, Outcome = Outcomes.Success, Source = "okta:acme",
        }, new AccessEvent
        {
            EventId = "new-1", Timestamp = september, EventType = EventTypes.LoginSuccess, Outcome = Outcomes.Success, Source = "okta:acme",
        }]), "test");
        Assert.Equal((IngestStatus.Accepted, 1, 1, 601L), (again.Status, again.Accepted, again.Duplicates, again.HeadSeq));
        await using (var db = store.Factory.CreateDbContext()) Assert.True((await ChainVerifier.VerifyAsync(db)).Intact);
    }
}
