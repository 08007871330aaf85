using AuditDashboard.IntegrationTests.Infrastructure;
using Npgsql;

namespace AuditDashboard.IntegrationTests.PostgreSql;

/// <summary>The test server's other principals and certificates, as tests/postgres/cluster.sh made them.</summary>
public static class PostgreSqlServer
{
    /// <summary>The same database as the runtime role (auditdash_app: LOGIN, no DDL, only what <c>auditdash grant</c> gave it).</summary>
    public static string AsRuntimeRole(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString)
        {
            Username = "auditdash_app",
            Password = Environment.GetEnvironmentVariable("AUDITDASH_TEST_POSTGRES_APP_PASSWORD"),
        }.ConnectionString;

    /// <summary>A CA certificate that signed nothing the server presents.</summary>
    public static string WrongCa => Environment.GetEnvironmentVariable("AUDITDASH_TEST_POSTGRES_WRONG_CA")
                                    ?? throw new InvalidOperationException($"run through ./test.sh ({TestStore.PostgresVariable})");
}
