namespace AuditDashboard.Core.Events;

/// <summary>One problem with one item of a batch: which item, which field, and why.</summary>
public sealed record FieldError(int Index, string Field, string Reason)
{
    public override string ToString() => $"item {Index}, {Field}: {Reason}";
}
