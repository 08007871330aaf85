using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AuditDashboard.Core.ApiKeys;
using AuditDashboard.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AuditDashboard.IntegrationTests.Ingest;

public sealed class IngestApiTests
{
    private static StringContent Json(string body, string type = "application/json") => new(body, Encoding.UTF8, type);

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Without_a_key_or_with_a_wrong_or_revoked_key_the_answer_is_401_and_nothing_is_stored(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var app = AppFactory.For(store);
        using var anonymous = app.CreateClient();
        var body = SampleEvents.Valid("e-1").ToJsonString();

        var none = await anonymous.PostAsync("/api/v1/events", Json(body));
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Contains("API key is required", await none.Content.ReadAsStringAsync());

        using var wrong = app.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "adk_00000000_not-a-real-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsync("/api/v1/events", Json(body))).StatusCode);

        var secret = await app.CreateApiKeyAsync("soon-revoked");
        await app.Services.GetRequiredService<ApiKeyService>().RevokeAsync("soon-revoked");
        using var revoked = app.CreateClient();
        revoked.DefaultRequestHeaders.Add("X-Api-Key", secret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.PostAsync("/api/v1/events", Json(body))).StatusCode);

        Assert.Equal(0, await app.CountEventsAsync());
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task An_object_an_array_and_ndjson_are_accepted_and_the_chain_head_is_returned(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var app = AppFactory.For(store);
        using var client = await app.CreateIngestClientAsync();

        var one = await client.PostAsync("/api/v1/events", Json(SampleEvents.Valid("a-1").ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var first = await one.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, first.GetProperty("accepted").GetInt32());
        Assert.Equal(1, first.GetProperty("head").GetProperty("seq").GetInt64());
        Assert.Matches("^[0-9a-f]{64}$", first.GetProperty("head").GetProperty("hash").GetString());

        var array = await client.PostAsync("/api/v1/events", Json(SampleEvents.Array([SampleEvents.Valid("a-2"), SampleEvents.Valid("a-3")])));
        Assert.Equal(2, (await array.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());

        // X-Api-Key works as well as Bearer.
        using var byHeader = app.CreateClient();
        byHeader.DefaultRequestHeaders.Add("X-Api-Key", await app.CreateApiKeyAsync("second"));
        var ndjson = await byHeader.PostAsync("/api/v1/events", Json(SampleEvents.Ndjson([SampleEvents.Valid("a-4"), SampleEvents.Valid("a-5"), SampleEvents.Valid("a-6")]), "application/x-ndjson"));
        var result = await ndjson.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, result.GetProperty("accepted").GetInt32());
        Assert.Equal(6, result.GetProperty("head").GetProperty("seq").GetInt64());

        var health = await client.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(6, health.GetProperty("events").GetInt64());
        Assert.Equal(result.GetProperty("head").GetProperty("hash").GetString(), health.GetProperty("chain_head").GetProperty("hash").GetString());
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task An_invalid_batch_gets_400_with_every_problem_and_nothing_from_it_is_stored(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var app = AppFactory.For(store);
        using var client = await app.CreateIngestClientAsync();
        await client.PostAsync("/api/v1/events", Json(SampleEvents.Valid("kept").ToJsonString()));

        var badType = SampleEvents.Valid("b-1");
        badType["event_type"] = "login_maybe";
        var badIp = SampleEvents.Valid("b-2");
        badIp["ip"] = "999.1.1.1";
        badIp["timestamp"] = "yesterday";
        var leaked = SampleEvents.Valid("b-3");
        leaked["token_id"] = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVl";
        var response = await client.PostAsync("/api/v1/events", Json(SampleEvents.Array([SampleEvents.Valid("b-0"), badType, badIp, leaked])));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = body.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString()))
            .ToList();
        Assert.Equal([(1, "event_type"), (2, "timestamp"), (2, "ip"), (3, "token_id")], errors);
        Assert.Contains("login_success", body.GetProperty("errors")[0].GetProperty("reason").GetString());
        Assert.Contains("nothing from this batch was stored", body.GetProperty("error").GetString());
        Assert.Equal(1, await app.CountEventsAsync());

        // U+0000 is valid JSON text, yet no PostgreSQL text column holds it: refused on every engine, by name.
        var nul = SampleEvents.Valid("b-4");
        nul["user_agent"] = "curl\u0000/8";
        nul["geo"]!["city"] = "Ber\u0000lin";
        var refused = await client.PostAsync("/api/v1/events", Json(SampleEvents.Array([SampleEvents.Valid("b-5"), nul])));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var nulErrors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(["user_agent", "geo.city"], nulErrors.Select(e => e.GetProperty("field").GetString()));
        Assert.Contains("U+0000", nulErrors[0].GetProperty("reason").GetString());
        Assert.Equal(1, await app.CountEventsAsync());

        var malformed = await client.PostAsync("/api/v1/events", Json("{\"event_id\": \"x\",\n \"timestamp\": }"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("line 2", await malformed.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.CountEventsAsync());
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Over_a_limit_the_answer_is_413_naming_the_limit_and_nothing_is_stored(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var app = AppFactory.For(store, new Dictionary<string, string?>
        {
            ["Ingest:MaxBatchItems"] = "3",
            ["Ingest:MaxBodyBytes"] = "4096",
            ["Ingest:MaxFieldLength"] = "64",
        });
        using var client = await app.CreateIngestClientAsync();

        var tooMany = await client.PostAsync("/api/v1/events", Json(SampleEvents.Ndjson(Enumerable.Range(0, 4).Select(i => SampleEvents.Valid($"m-{i}")))));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany.StatusCode);
        Assert.Contains("Ingest:MaxBatchItems", await tooMany.Content.ReadAsStringAsync());

        var big = SampleEvents.Valid("big");
        big["attributes"] = new System.Text.Json.Nodes.JsonObject { ["padding"] = new string('x', 5000) };
        var tooBig = await client.PostAsync("/api/v1/events", Json(big.ToJsonString()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Contains("Ingest:MaxBodyBytes", await tooBig.Content.ReadAsStringAsync());

        var longField = SampleEvents.Valid("long");
        longField["username"] = new string('n', 65);
        var tooLong = await client.PostAsync("/api/v1/events", Json(longField.ToJsonString()));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Ingest:MaxFieldLength", await tooLong.Content.ReadAsStringAsync());

        Assert.Equal(0, await app.CountEventsAsync());
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Duplicates_are_counted_not_stored_within_a_batch_and_across_batches(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var app = AppFactory.For(store);
        using var client = await app.CreateIngestClientAsync();

        var first = await client.PostAsync("/api/v1/events", Json(SampleEvents.Array([SampleEvents.Valid("d-1"), SampleEvents.Valid("d-1"), SampleEvents.Valid("d-2")])));
        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, a.GetProperty("accepted").GetInt32());
        Assert.Equal(1, a.GetProperty("duplicates").GetInt32());

        // The same id from another source is a different event.
        var again = await client.PostAsync("/api/v1/events", Json(SampleEvents.Array([SampleEvents.Valid("d-1"), SampleEvents.Valid("d-2"), SampleEvents.Valid("d-1", "okta:test")])));
        var b = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, b.GetProperty("accepted").GetInt32());
        Assert.Equal(2, b.GetProperty("duplicates").GetInt32());
        Assert.Equal(3, b.GetProperty("head").GetProperty("seq").GetInt64());
        Assert.Equal(3, await app.CountEventsAsync());
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Stored_events_and_the_chain_survive_a_restart(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        string head;
        await using (var app = AppFactory.For(store))
        {
            using var client = await app.CreateIngestClientAsync();
            var response = await client.PostAsync("/api/v1/events", Json(SampleEvents.Array([SampleEvents.Valid("r-1"), SampleEvents.Valid("r-2")])));
            head = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("head").GetProperty("hash").GetString()!;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        await using (var app = AppFactory.For(store))
        {
            using var client = app.CreateClient();
            var health = await client.GetFromJsonAsync<JsonElement>("/healthz");
            Assert.Equal(2, health.GetProperty("events").GetInt64());
            Assert.Equal(head, health.GetProperty("chain_head").GetProperty("hash").GetString());

            // The API key created before the restart still works, and the chain continues.
            using var ingest = await app.CreateIngestClientAsync("after-restart");
            var more = await ingest.PostAsync("/api/v1/events", Json(SampleEvents.Valid("r-3").ToJsonString()));
            Assert.Equal(3, (await more.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("head").GetProperty("seq").GetInt64());
        }
    }
}
