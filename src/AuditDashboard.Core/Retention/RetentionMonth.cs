namespace AuditDashboard.Core.Retention;

/// <summary>
/// One month of received events past the retention period: seq <see cref="FirstSeq"/> to <see cref="LastSeq"/>.
/// It may leave when <see cref="KeptBecause"/> is null; otherwise that says why it stays (and every month after it
/// stays too, since only a prefix of the chain can leave).
/// </summary>
public sealed record RetentionMonth(DateTime Start, long FirstSeq, long LastSeq, string? KeptBecause)
{
    public DateTime End => Start.AddMonths(1);
    public string Name => $"{Start.Year:D4}-{Start.Month:D2}";
    public long Count => LastSeq - FirstSeq + 1;
}
