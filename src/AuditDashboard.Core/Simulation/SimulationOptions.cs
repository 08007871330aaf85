namespace AuditDashboard.Core.Simulation;

/// <summary>Demo traffic parameters. The same values (seed and end included) produce the same events.</summary>
public sealed class SimulationOptions
{
    public int Days { get; set; } = 14;
    public int Users { get; set; } = 40;
    public int Seed { get; set; } = 42;

    /// <summary>The simulated period ends here (exclusive, UTC). Default: now, to the minute, so nothing lies in the future.</summary>
    public DateTime? End { get; set; }

    /// <summary>Inject the labelled attack scenarios (attributes.scenario).</summary>
    public bool Attacks { get; set; } = true;

    public IEnumerable<string> Validate(string prefix)
    {
        if (Days is < 1 or > 3650) yield return $"{prefix}Days must be between 1 and 3650.";
        if (Users is < 5 or > 100_000) yield return $"{prefix}Users must be between 5 and 100000.";
    }

    public DateTime ResolveEnd(TimeProvider clock) =>
        End is { } end ? DateTime.SpecifyKind(end, DateTimeKind.Utc) : TruncateToMinute(clock.GetUtcNow().UtcDateTime);

    private static DateTime TruncateToMinute(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
}
