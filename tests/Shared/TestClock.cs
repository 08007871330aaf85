namespace AuditDashboard.Testing;

/// <summary>
/// A clock fixed at one instant, for what the tests build themselves (stores, reports, sessions), so no result
/// depends on the day the tests run and "future" timestamps are judged the same way every time. Shared by the test
/// projects as a linked source file; an app under test keeps its own clock unless a test replaces it.
/// </summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public static readonly TestClock Default = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
