using AuditDashboard.Core.Detection;

namespace AuditDashboard.Tests.Detection;

/// <summary>Every status to every status, with and without a note: triage never undoes a decision by accident.</summary>
public sealed class AlertTransitionTests
{
    private const string O = AlertStatuses.Open, A = AlertStatuses.Acknowledged, R = AlertStatuses.Resolved, F = AlertStatuses.FalsePositive;

    [Theory]
    // from, to, allowed without a note, allowed with a note
    [InlineData(O, O, true, true)]
    [InlineData(O, A, true, true)]
    [InlineData(O, R, false, true)]
    [InlineData(O, F, false, true)]
    [InlineData(A, O, true, true)]
    [InlineData(A, A, true, true)]
    [InlineData(A, R, false, true)]
    [InlineData(A, F, false, true)]
    [InlineData(R, O, false, true)]
    [InlineData(R, A, false, false)]
    [InlineData(R, R, true, true)]
    [InlineData(R, F, false, false)]
    [InlineData(F, O, false, true)]
    [InlineData(F, A, false, false)]
    [InlineData(F, R, false, false)]
    [InlineData(F, F, true, true)]
    public void Each_move_is_allowed_or_refused_with_a_reason(string from, string to, bool withoutNote, bool withNote)
    {
        Assert.Equal(withoutNote, AlertTransitions.Problem(from, to, null) is null);
        Assert.Equal(withNote, AlertTransitions.Problem(from, to, "checked with the user") is null);
        if (!withNote) Assert.Contains("reopening", AlertTransitions.Problem(from, to, "x"));
        Assert.Equal(withoutNote, AlertTransitions.Problem(from, to, "  ") is null); // a blank note is no note
    }

    [Fact]
    public void The_statuses_offered_from_each_status_are_the_allowed_ones()
    {
        Assert.Equal([A, R, F], AlertTransitions.From(O));
        Assert.Equal([O], AlertTransitions.From(R));
        Assert.Equal([O], AlertTransitions.From(F));
        Assert.Empty(AlertTransitions.From("unknown"));
    }
}
