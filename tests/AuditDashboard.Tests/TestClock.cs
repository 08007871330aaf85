namespace AuditDashboard.Tests;

/// <summary>A clock fixed at one instant, so validation of "future" timestamps is deterministic.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public static readonly TestClock Default = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
