using AuditDashboard.Core.Simulation;

namespace AuditDashboard.Web.Demo;

/// <summary>Configuration section <c>Demo</c>: seed simulated traffic into an empty embedded database at first start.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool SeedOnEmpty { get; set; }
    public SimulationOptions Simulation { get; set; } = new();

    public IEnumerable<string> Validate() => Simulation.Validate("Demo:Simulation:");
}
