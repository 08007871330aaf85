using AuditDashboard.Core.Storage;
using Npgsql;

namespace AuditDashboard.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh, migrated store on one engine, removed afterwards: a SQLite file in a temporary folder, a database of its
/// own on the PostgreSQL server ./test.sh starts (AUDITDASH_TEST_POSTGRES), or on the SQL Server given in
/// AUDITDASH_TEST_SQLSERVER. Tests that take a provider name from <see cref="Providers"/> run once per engine.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    public const string PostgresVariable = "AUDITDASH_TEST_POSTGRES";
    public const string SqlServerVariable = "AUDITDASH_TEST_SQLSERVER";

    private readonly TempDatabase _temp = new();
    private readonly string? _serverDatabase;

    private TestStore(string provider)
    {
        Options = new DatabaseOptions { Provider = provider, SqlitePath = _temp.Path };
        if (provider == DatabaseOptions.PostgreSqlProvider)
        {
            _serverDatabase = "auditdash_t_" + Guid.NewGuid().ToString("N")[..16];
            Options.ConnectionString = new NpgsqlConnectionStringBuilder(PostgresConnection) { Database = _serverDatabase }.ConnectionString;
        }
        else if (provider == DatabaseOptions.SqlServerProvider)
        {
            _serverDatabase = "auditdash_t_" + Guid.NewGuid().ToString("N")[..16];
            Options.ConnectionString = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(Environment.GetEnvironmentVariable(SqlServerVariable)) { InitialCatalog = _serverDatabase }.ConnectionString;
        }
        Factory = new SimpleDbContextFactory(AuditStore.CreateOptions(Options, Folder));
    }

    /// <summary>The engines this run can reach: SQLite always, the servers when their variables are set.</summary>
    public static TheoryData<string> Providers => new(Reachable());

    /// <summary>The reachable engines but one (a feature that engine refuses by name).</summary>
    public static TheoryData<string> ProvidersExcept(string provider) => new(Reachable().Where(p => p != provider));

    private static IEnumerable<string> Reachable()
    {
        yield return DatabaseOptions.SqliteProvider;
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable))) yield return DatabaseOptions.PostgreSqlProvider;
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SqlServerVariable))) yield return DatabaseOptions.SqlServerProvider;
    }

    /// <summary>Each case once per engine.</summary>
    public static TheoryData<string, T1, T2> WithProviders<T1, T2>(params (T1, T2)[] cases)
    {
        var data = new TheoryData<string, T1, T2>();
        foreach (var provider in Reachable()) foreach (var (a, b) in cases) data.Add(provider, a, b);
        return data;
    }

    /// <summary>Each case once per engine.</summary>
    public static TheoryData<string, T1> WithProviders<T1>(params T1[] cases)
    {
        var data = new TheoryData<string, T1>();
        foreach (var provider in Reachable()) foreach (var a in cases) data.Add(provider, a);
        return data;
    }

    /// <summary>The test server's owner connection (no database named), or a clear failure when ./test.sh did not start one.</summary>
    public static string PostgresConnection =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } c ? c
            : throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests through ./test.sh, which starts a PostgreSQL server");

    public string Provider => Options.Provider;
    public bool IsSqlite => Options.IsSqlite;
    public DatabaseOptions Options { get; }
    public SimpleDbContextFactory Factory { get; }

    /// <summary>A temporary folder of the test's own (keys, certificates, exported files).</summary>
    public string Folder => _temp.Folder;

    /// <summary>The SQLite file; on a server engine a path in <see cref="Folder"/> that nothing opens.</summary>
    public string SqlitePath => _temp.Path;

    /// <summary>Another context factory on the same store, as a second process would have.</summary>
    public SimpleDbContextFactory NewFactory() => new(AuditStore.CreateOptions(Options, Folder));

    /// <summary>The store as the web app's configuration.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Database:Provider"] = Options.Provider,
        ["Database:SqlitePath"] = Options.SqlitePath,
        ["Database:ConnectionString"] = Options.ConnectionString,
    };

    /// <summary>The store as auditdash's global options.</summary>
    public string[] CliArgs => IsSqlite ? ["--db", SqlitePath] : ["--provider", Provider, "--connection", Options.ConnectionString!];

    public static async Task<TestStore> CreateAsync(string provider, bool migrate = true)
    {
        var store = new TestStore(provider);
        if (migrate)
        {
            await using var db = store.Factory.CreateDbContext();
            await AuditStore.MigrateAsync(db);
        }
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseOptions.PostgreSqlProvider)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresConnection) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_serverDatabase} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        else if (Provider == DatabaseOptions.SqlServerProvider)
        {
            await using var db = Factory.CreateDbContext();
            await db.Database.EnsureDeletedAsync();
        }
        _temp.Dispose();
    }
}
