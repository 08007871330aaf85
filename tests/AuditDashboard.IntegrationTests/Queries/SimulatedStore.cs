using System.Collections.Concurrent;
using AuditDashboard.Core.Storage;
using AuditDashboard.IntegrationTests.Infrastructure;

namespace AuditDashboard.IntegrationTests.Queries;

/// <summary>
/// One simulated store (14 days, 30 users, every attack scenario) per engine, shared by a test class: built the
/// first time a test asks for that engine, the same traffic on each (the simulator is seeded).
/// </summary>
public sealed class SimulatedStore : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TestStore>>> _stores = new();

    /// <summary>The SQLite store, for tests that are not yet run per engine.</summary>
    public SimpleDbContextFactory Factory { get; private set; } = default!;

    public async Task<SimpleDbContextFactory> ForAsync(string provider) =>
        (await _stores.GetOrAdd(provider, p => new Lazy<Task<TestStore>>(() => BuildAsync(p))).Value).Factory;

    private static async Task<TestStore> BuildAsync(string provider)
    {
        var store = await TestStore.CreateAsync(provider);
        await Stores.SimulateAsync(store.Factory, days: 14, users: 30);
        return store;
    }

    public async Task InitializeAsync() => Factory = await ForAsync(DatabaseOptions.SqliteProvider);

    public async Task DisposeAsync()
    {
        foreach (var store in _stores.Values) await (await store.Value).DisposeAsync();
    }
}
