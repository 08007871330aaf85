using AuditDashboard.Core.Retention;

namespace AuditDashboard.Tests.Retention;

public sealed class LegalHoldTests
{
    private static DateTime D(int month, int day = 1) => new(2026, month, day, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_scope_says_what_is_held_in_words()
    {
        Assert.Equal("every event", new LegalHold().Scope());
        Assert.Equal("source okta:acme, user u1, 2026-01-01 00:00 to now", new LegalHold { Source = "okta:acme", User = "u1", From = D(1) }.Scope());
    }
}
