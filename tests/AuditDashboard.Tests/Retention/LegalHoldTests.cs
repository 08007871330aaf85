using AuditDashboard.Core.Retention;

namespace AuditDashboard.Tests.Retention;

public sealed class LegalHoldTests
{
    private static DateTime D(int month, int day = 1) => new(2026, month, day, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_hold_touches_every_month_its_period_overlaps_and_none_once_released()
    {
        var q1 = new LegalHold { Reason = "r", From = D(1), To = D(4) };
        Assert.True(q1.Touches(D(3), D(4)));
        Assert.False(q1.Touches(D(4), D(5))); // the period's end is exclusive
        Assert.False(q1.Touches(D(12, 1).AddYears(-1), D(1)));
        Assert.True(new LegalHold { Reason = "r" }.Touches(D(1), D(2))); // no period: everything
        Assert.True(new LegalHold { Reason = "r", From = D(6, 15) }.Touches(D(6), D(7)));
        q1.ReleasedAt = D(5);
        Assert.False(q1.Touches(D(2), D(3)));
    }

    [Fact]
    public void The_scope_says_what_is_held_in_words()
    {
        Assert.Equal("every event", new LegalHold().Scope());
        Assert.Equal("source okta:acme, user u1, 2026-01-01 00:00 to now", new LegalHold { Source = "okta:acme", User = "u1", From = D(1) }.Scope());
    }
}
