using System.Text;
using System.Text.Json;
using AuditDashboard.Core.Compliance;
using AuditDashboard.Core.Detection;

namespace AuditDashboard.Tests.Compliance;

public sealed class ControlCatalogTests
{
    private static readonly IReadOnlyList<string> DetectorNames = Detectors.Names(new DetectionOptions());

    [Fact]
    public void The_shipped_catalog_loads_and_validates()
    {
        var catalog = ControlCatalog.Load();
        Assert.Empty(catalog.Validate(DetectorNames));
        Assert.Contains(catalog.For(CatalogFramework.Soc2), c => c.Id == "CC6.1");
        Assert.Contains(catalog.For(CatalogFramework.Iso27001), c => c.Id == "A.8.15" && c.Iso2013.SequenceEqual(["A.12.4.1", "A.12.4.2", "A.12.4.3"]));
        Assert.Contains(catalog.OutOfScope, o => o.Id == "CC6.4");
        Assert.Contains(catalog.OutOfScope, o => o.Id == "CC6.5");
        Assert.DoesNotContain(catalog.Controls, c => c.Id is "CC6.4" or "CC6.5");
        // Every detector bears on some control.
        Assert.All(DetectorNames, d => Assert.Contains(catalog.Controls, c => c.Detectors.Contains(d)));
    }

    [Fact]
    public void Unknown_event_types_detectors_outcomes_and_evidence_are_each_named()
    {
        var catalog = ControlCatalog.Parse(Stream("""
            {
              "version": "t", "frameworks": [ { "id": "soc2", "name": "SOC 2" } ],
              "controls": [
                { "framework": "soc2", "id": "CC6.1", "title": "t", "tested": "t",
                  "populations": [ { "name": "Sign-ins", "event_types": ["login_sucess"], "outcomes": ["maybe"] } ],
                  "detectors": ["brute_farce"], "evidence": ["vibes"] },
                { "framework": "soc3", "id": "X", "title": "t", "tested": "t" }
              ],
              "out_of_scope": [ { "framework": "soc2", "id": "CC6.1", "title": "t", "reason": "r" } ]
            }
            """));
        var errors = catalog.Validate(DetectorNames).ToList();
        Assert.Contains("control soc2 CC6.1, population 'Sign-ins': unknown event type 'login_sucess'", errors);
        Assert.Contains("control soc2 CC6.1, population 'Sign-ins': unknown outcome 'maybe'", errors);
        Assert.Contains("control soc2 CC6.1: unknown detector 'brute_farce'", errors);
        Assert.Contains("control soc2 CC6.1: unknown evidence kind 'vibes'", errors);
        Assert.Contains("control soc3 X: unknown framework 'soc3'", errors);
        Assert.Contains("control soc3 X: maps to no evidence", errors);
        Assert.Contains("out-of-scope soc2 CC6.1: also listed as in scope", errors);
    }

    [Fact]
    public void A_misspelt_field_is_refused_rather_than_ignored()
    {
        var ex = Assert.Throws<JsonException>(() => ControlCatalog.Parse(Stream("""
            { "version": "t", "frameworks": [], "controls": [ { "framework": "soc2", "id": "A", "title": "t", "tested": "t", "detector": ["x"] } ] }
            """)));
        Assert.Contains("detector", ex.Message);
    }

    private static MemoryStream Stream(string json) => new(Encoding.UTF8.GetBytes(json));
}
