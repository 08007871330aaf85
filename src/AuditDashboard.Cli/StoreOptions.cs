using System.CommandLine;
using AuditDashboard.Core.Storage;
using Microsoft.Extensions.Configuration;

namespace AuditDashboard.Cli;

/// <summary>
/// The global database options. Without them the CLI uses the same database as the web app: the content
/// root's appsettings.json (and <c>Database__*</c> environment variables), found as the web app finds it.
/// </summary>
public sealed class StoreOptions
{
    public Option<string?> Db { get; } = new("--db") { Description = "SQLite database file (default: the web app's, from appsettings.json)", Recursive = true };
    public Option<string?> Provider { get; } = new("--provider") { Description = "Sqlite, PostgreSQL or SqlServer", Recursive = true };
    public Option<string?> Connection { get; } = new("--connection") { Description = "PostgreSQL or SQL Server connection string (with --provider PostgreSQL or SqlServer)", Recursive = true };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Db);
        root.Options.Add(Provider);
        root.Options.Add(Connection);
    }

    /// <summary>The options and the folder relative SQLite paths resolve against; throws <see cref="UsageException"/> on conflicts.</summary>
    public (DatabaseOptions Options, string BaseFolder) Resolve(ParseResult parse)
    {
        var (configuration, contentRoot) = CliConfiguration.Load();
        var options = new DatabaseOptions();
        configuration.GetSection(DatabaseOptions.Section).Bind(options);
        var baseFolder = contentRoot;

        var db = parse.GetValue(Db);
        var provider = parse.GetValue(Provider);
        var connection = parse.GetValue(Connection);
        if (db is not null && (provider is not null && !provider.Equals(DatabaseOptions.SqliteProvider, StringComparison.OrdinalIgnoreCase) || connection is not null))
            throw new UsageException("--db is for SQLite; use either --db FILE or --provider PostgreSQL|SqlServer --connection STRING");
        if (provider is not null) options.Provider = provider;
        if (connection is not null) options.ConnectionString = connection;
        if (db is not null)
        {
            options.Provider = DatabaseOptions.SqliteProvider;
            options.SqlitePath = db;
            baseFolder = Directory.GetCurrentDirectory();
        }
        // As the web app: an unverified connection to a server engine only in Development (or with Database:AllowUnencrypted).
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
        var errors = options.Validate(development: string.Equals(environment, "Development", StringComparison.OrdinalIgnoreCase)).ToList();
        if (errors.Count > 0) throw new UsageException(string.Join(Environment.NewLine, errors));
        return (options, baseFolder);
    }
}
