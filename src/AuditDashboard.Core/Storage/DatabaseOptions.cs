namespace AuditDashboard.Core.Storage;

/// <summary>Configuration section <c>Database</c>: which provider, and where.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string SqliteProvider = "Sqlite";
    public const string SqlServerProvider = "SqlServer";
    public const string PostgreSqlProvider = "PostgreSQL";

    public string Provider { get; set; } = SqliteProvider;

    /// <summary>SQLite file; a relative path is resolved against the content root, not the working directory.</summary>
    public string SqlitePath { get; set; } = "data/audit.db";

    /// <summary>Required for SQL Server and PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>SQLite page cache per connection in MiB (PRAGMA cache_size); index upkeep is where appends spend their time.</summary>
    public int SqliteCacheMiB { get; set; } = 256;

    /// <summary>
    /// Apply pending migrations at start (default). Off, the runtime principal needs no DDL rights: migrations are
    /// applied by <c>auditdash migrate</c> under a principal that has them, and the app refuses to start on an older schema.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// Outside Development a server engine is reached only over TLS whose certificate is verified (PostgreSQL
    /// <c>SSL Mode=VerifyFull</c>, SQL Server <c>Encrypt=True</c> without <c>TrustServerCertificate</c>); true allows
    /// a connection without it, deliberately.
    /// </summary>
    public bool AllowUnencrypted { get; set; }

    /// <summary>Refuse to start unless the engine reports the database encrypted at rest (SQL Server TDE).</summary>
    public bool RequireEncryptionAtRest { get; set; }

    public bool IsSqlite => string.Equals(Provider, SqliteProvider, StringComparison.OrdinalIgnoreCase);

    /// <param name="development">In Development an unencrypted connection to a local server is allowed.</param>
    public IEnumerable<string> Validate(bool development = false)
    {
        var provider = StoreProvider.Named(Provider);
        if (provider is null)
            yield return $"Database:Provider '{Provider}' is not supported; use '{SqliteProvider}', '{PostgreSqlProvider}' or '{SqlServerProvider}'.";
        if (IsSqlite && string.IsNullOrWhiteSpace(SqlitePath))
            yield return "Database:SqlitePath is required for the Sqlite provider.";
        if (provider is not null && !IsSqlite && string.IsNullOrWhiteSpace(ConnectionString))
            yield return $"Database:ConnectionString is required for the {provider.Name} provider.";
        if (provider is not null && !IsSqlite && !string.IsNullOrWhiteSpace(ConnectionString) && !development && !AllowUnencrypted)
        {
            string? problem;
            try
            {
                problem = provider.TransportProblem(ConnectionString);
            }
            catch (ArgumentException ex)
            {
                problem = $"Database:ConnectionString cannot be read: {ex.Message}";
            }
            if (problem is not null) yield return problem + " (or set Database:AllowUnencrypted=true to accept that, deliberately)";
        }
        if (SqliteCacheMiB is < 2 or > 4096)
            yield return "Database:SqliteCacheMiB must be between 2 and 4096.";
    }
}
