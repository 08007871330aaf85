using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Tests.Import;

/// <summary>Okta event hooks and Graph list responses wrap their records; the reader unwraps them, pretty-printed or on one line.</summary>
public sealed class EnvelopeTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_okta_event_hook_delivery_imports_its_events(bool indented)
    {
        var events = JsonNode.Parse(await File.ReadAllTextAsync(Samples.Path("okta_systemlog.json")))!.AsArray();
        var hook = new JsonObject
        {
            ["eventType"] = "com.okta.event_hook", ["eventId"] = "hook-1", ["eventTime"] = "2023-03-26T21:05:33.000Z",
            ["data"] = new JsonObject { ["events"] = events.DeepClone() },
        };
        await using var store = await TempStore.CreateAsync();
        await using var file = new MemoryStream(Encoding.UTF8.GetBytes(hook.ToJsonString(new JsonSerializerOptions { WriteIndented = indented })));
        var result = await ImportFixture.Service(store).ImportAsync(file, "okta", null, "test");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal((5, 5), (result.Records, result.Accepted));
        await using var db = store.Factory.CreateDbContext();
        Assert.Equal(5, await db.Events.CountAsync(e => e.Source == "okta"));
    }
}
