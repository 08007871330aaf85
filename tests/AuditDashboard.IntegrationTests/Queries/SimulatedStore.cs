using AuditDashboard.Core.Storage;
using AuditDashboard.IntegrationTests.Infrastructure;

namespace AuditDashboard.IntegrationTests.Queries;

/// <summary>One simulated store (14 days, 30 users, every attack scenario) shared by a test class.</summary>
public sealed class SimulatedStore : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    public SimpleDbContextFactory Factory { get; private set; } = default!;

    public async Task InitializeAsync() => Factory = await Stores.SimulatedAsync(_db.Path, days: 14, users: 30);

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
