using System.Text.Json;
using System.Text.Json.Serialization;
using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Compliance;

/// <summary>
/// The control catalog: data (Compliance/controls.json, embedded), not code. Loaded and validated at start: an
/// event type, outcome, detector or evidence kind the product does not know is an error naming the control.
/// </summary>
public sealed record ControlCatalog
{
    public required string Version { get; init; }
    public string? Note { get; init; }
    public required IReadOnlyList<CatalogFramework> Frameworks { get; init; }
    public required IReadOnlyList<CatalogControl> Controls { get; init; }
    public IReadOnlyList<OutOfScopeControl> OutOfScope { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The catalog shipped in this assembly.</summary>
    public static ControlCatalog Load()
    {
        using var stream = typeof(ControlCatalog).Assembly.GetManifestResourceStream("AuditDashboard.Core.Compliance.controls.json")
            ?? throw new InvalidOperationException("The control catalog resource is missing from AuditDashboard.Core.");
        return Parse(stream);
    }

    /// <summary>Reads a catalog; malformed JSON or unknown fields throw a <see cref="JsonException"/> naming the place.</summary>
    public static ControlCatalog Parse(Stream json) =>
        JsonSerializer.Deserialize<ControlCatalog>(json, Json) ?? throw new JsonException("The control catalog is empty.");

    public IEnumerable<CatalogControl> For(string framework) => Controls.Where(c => c.Framework == framework);

    /// <summary>Every problem at once.</summary>
    public IEnumerable<string> Validate(IReadOnlyCollection<string> detectors)
    {
        var frameworks = Frameworks.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        foreach (var c in Controls)
        {
            var where = $"control {c.Framework} {c.Id}";
            if (!frameworks.Contains(c.Framework)) yield return $"{where}: unknown framework '{c.Framework}'";
            if (!seen.Add((c.Framework, c.Id))) yield return $"{where}: listed twice";
            if (c.Populations.Count == 0 && c.Detectors.Count == 0 && c.Evidence.Count == 0) yield return $"{where}: maps to no evidence";
            foreach (var p in c.Populations)
            {
                foreach (var t in p.EventTypes.Where(t => !EventTypes.All.Contains(t))) yield return $"{where}, population '{p.Name}': unknown event type '{t}'";
                foreach (var o in p.Outcomes.Where(o => !Outcomes.All.Contains(o))) yield return $"{where}, population '{p.Name}': unknown outcome '{o}'";
            }
            foreach (var d in c.Detectors.Where(d => !detectors.Contains(d))) yield return $"{where}: unknown detector '{d}'";
            foreach (var k in c.Evidence.Where(k => !EvidenceKinds.All.Contains(k))) yield return $"{where}: unknown evidence kind '{k}'";
        }
        foreach (var o in OutOfScope)
        {
            if (!frameworks.Contains(o.Framework)) yield return $"out-of-scope {o.Framework} {o.Id}: unknown framework '{o.Framework}'";
            if (seen.Contains((o.Framework, o.Id))) yield return $"out-of-scope {o.Framework} {o.Id}: also listed as in scope";
        }
    }
}
