using AuditDashboard.Core.Storage;
using AuditDashboard.IntegrationTests.Infrastructure;

namespace AuditDashboard.IntegrationTests.Integrity;

/// <summary>
/// Someone with access to the database file drops the append-only triggers and edits the events
/// with the sqlite3 shell; `auditdash verify` must name the first broken seq and the kind of break.
/// </summary>
public sealed class TamperTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private const string DropTriggers =
        "DROP TRIGGER access_events_no_update; DROP TRIGGER access_events_no_delete; " +
        "DROP TRIGGER access_events_no_replace; DROP TRIGGER access_events_seq_order; ";

    private const string CopyColumns =
        "received_at, timestamp, event_type, outcome, reason, source, user_id, username, client_id, session_id, correlation_id, " +
        "trace_id, token_id, token_type, parent_token_id, grant_type, scope, roles, issuer, audience, endpoint, http_method, " +
        "http_status, resource, ip, user_agent, geo_country, geo_city, geo_lat, geo_lon, geo_asn, attributes";

    public static TheoryData<string, string, string> Tampering => new()
    {
        { "modify a field", "UPDATE access_events SET username = 'someone-else' WHERE seq = 40", "TAMPERED at seq 40 (modified)" },
        { "modify a timestamp", "UPDATE access_events SET timestamp = timestamp + 1 WHERE seq = 41", "TAMPERED at seq 41 (modified)" },
        { "store a timestamp as text", "UPDATE access_events SET timestamp = CAST(timestamp AS TEXT) || 'x' WHERE seq = 45", "TAMPERED at seq 45 (modified)" },
        { "store a name as a blob", "UPDATE access_events SET client_id = CAST(client_id AS BLOB) WHERE seq = 46", "TAMPERED at seq 46 (modified)" },
        { "store roles that are not strings", "UPDATE access_events SET roles = '[\"a\",null]' WHERE seq = 47", "TAMPERED at seq 47 (modified)" },
        { "delete a row", "DELETE FROM access_events WHERE seq = 50", "TAMPERED at seq 50 (missing)" },
        {
            "insert a forged row",
            "UPDATE access_events SET seq = -seq WHERE seq >= 60; UPDATE access_events SET seq = -seq + 1 WHERE seq < 0; " +
            $"INSERT INTO access_events (seq, event_id, prev_hash, hash, {CopyColumns}) SELECT 60, 'forged', prev_hash, hash, {CopyColumns} FROM access_events WHERE seq = 61",
            "TAMPERED at seq 60 (inserted)"
        },
        {
            "append a forged row",
            $"INSERT INTO access_events (seq, event_id, prev_hash, hash, {CopyColumns}) SELECT seq + 1, 'forged', hash, hash, {CopyColumns} FROM access_events ORDER BY seq DESC LIMIT 1",
            "(inserted)"
        },
        {
            "swap two rows",
            "UPDATE access_events SET seq = -seq WHERE seq IN (70, 71); UPDATE access_events SET seq = 71 WHERE seq = -70; UPDATE access_events SET seq = 70 WHERE seq = -71",
            "TAMPERED at seq 70 (reordered)"
        },
        { "cut the tail", "DELETE FROM access_events WHERE seq > 100", "TAMPERED at seq 101 (truncated)" },
        // The second half of the chain is walked on a connection of its own: breaks there are found the same way.
        { "modify a field late in the chain", "UPDATE access_events SET username = 'someone-else' WHERE seq = 700", "TAMPERED at seq 700 (modified)" },
        { "delete a row late in the chain", "DELETE FROM access_events WHERE seq = 690", "TAMPERED at seq 690 (missing)" },
        {
            "swap two rows late in the chain",
            "UPDATE access_events SET seq = -seq WHERE seq IN (680, 681); UPDATE access_events SET seq = 681 WHERE seq = -680; UPDATE access_events SET seq = 680 WHERE seq = -681",
            "TAMPERED at seq 680 (reordered)"
        },
        {
            "cut the tail and rewrite the chain head to match",
            "DROP TRIGGER chain_heads_no_update; DELETE FROM access_events WHERE seq > 500; " +
            "UPDATE chain_heads SET last_seq = 500, hash = (SELECT hash FROM access_events WHERE seq = 500) WHERE last_seq = (SELECT MAX(last_seq) FROM chain_heads)",
            "TAMPERED at seq 501 (truncated)"
        },
        { "rewrite a leaf of the Merkle log", "UPDATE log_tiles SET hashes = zeroblob(32) || substr(hashes, 33) WHERE level = 0 AND tile_index = 1", "TAMPERED at seq 257 (modified)" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Verify_fails_at_the_first_broken_seq(string name, string sql, string expected)
    {
        await Stores.SimulatedAsync(_db.Path);
        var intact = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "verify");
        Assert.Equal(0, intact.ExitCode);
        Assert.StartsWith("INTACT", intact.Stdout);

        await Processes.Sqlite3Async(_db.Path, DropTriggers + sql);

        var tampered = await Processes.AuditdashAsync(_db.Folder, "--db", _db.Path, "verify");
        Assert.True(tampered.ExitCode == 1, $"{name}: exit {tampered.ExitCode}\n{tampered.Stdout}{tampered.Stderr}");
        Assert.Contains(expected, tampered.Stdout);
        Assert.Contains("Raised a critical integrity_break alert.", tampered.Stdout);
        await using var db = new AuditDbContext(Stores.Sqlite(_db.Path));
        var alert = Assert.Single(db.Alerts.Where(a => a.Detector == "integrity_break").ToList());
        Assert.Contains(alert.Subject, tampered.Stdout);
    }
}
