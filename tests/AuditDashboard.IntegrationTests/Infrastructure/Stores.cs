using AuditDashboard.Core.Ingest;
using AuditDashboard.Core.Simulation;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.IntegrationTests.Infrastructure;

/// <summary>Stores built without the web host, for storage and integrity tests.</summary>
public static class Stores
{
    public static DbContextOptions<AuditDbContext> Sqlite(string path) =>
        AuditStore.CreateOptions(new DatabaseOptions { SqlitePath = path }, Path.GetTempPath());

    /// <summary>A SQL Server context that is never connected: for model and script checks.</summary>
    public static DbContextOptions<AuditDbContext> SqlServerOffline() =>
        AuditStore.CreateOptions(new DatabaseOptions
        {
            Provider = DatabaseOptions.SqlServerProvider,
            ConnectionString = "Server=127.0.0.1;Database=unused;TrustServerCertificate=true",
        }, Path.GetTempPath());

    /// <summary>A PostgreSQL context that is never connected: for model and script checks.</summary>
    public static DbContextOptions<AuditDbContext> PostgreSqlOffline() =>
        AuditStore.CreateOptions(new DatabaseOptions
        {
            Provider = DatabaseOptions.PostgreSqlProvider,
            ConnectionString = "Host=127.0.0.1;Database=unused;Username=unused",
        }, Path.GetTempPath());

    public static async Task<SimpleDbContextFactory> MigratedSqliteAsync(string path)
    {
        var factory = new SimpleDbContextFactory(Sqlite(path));
        await using var db = factory.CreateDbContext();
        await AuditStore.MigrateAsync(db);
        return factory;
    }

    /// <summary>A small deterministic store filled by the simulator through the ingest service.</summary>
    public static async Task<SimpleDbContextFactory> SimulatedAsync(string path, int days = 1, int users = 6, int seed = 3) =>
        await SimulateAsync(await MigratedSqliteAsync(path), days, users, seed);

    /// <summary>Fills a migrated store of any engine with the simulator's deterministic traffic.</summary>
    public static async Task<SimpleDbContextFactory> SimulateAsync(SimpleDbContextFactory factory, int days = 1, int users = 6, int seed = 3)
    {
        var runner = new SimulationRunner(new IngestService(factory, new IngestOptions(), TestClock.Default), TestClock.Default);
        await runner.RunAsync(new SimulationOptions { Days = days, Users = users, Seed = seed, End = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) }, "test");
        return factory;
    }
}
