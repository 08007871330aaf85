namespace AuditDashboard.Core.Explorer;

/// <summary>How many events match: exact up to <see cref="EventQueries.CountCap"/>, else "at least" (<see cref="Capped"/>).</summary>
public sealed record EventCount(long Count, bool Capped)
{
    public string Describe() => Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + (Capped ? "+" : "");
}
