namespace AuditDashboard.IntegrationTests.Infrastructure;

/// <summary>
/// A clock fixed at one instant for what the tests build themselves (simulated stores, reports), so no result
/// depends on the day the tests run. The app under test keeps its own clock unless a test replaces it.
/// </summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public static readonly TestClock Default = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
