using AuditDashboard.IntegrationTests.Infrastructure;

namespace AuditDashboard.IntegrationTests.PostgreSql;

/// <summary>A test of PostgreSQL itself: runs when ./test.sh has started its server (AUDITDASH_TEST_POSTGRES), else skipped with the reason.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestStore.PostgresVariable)))
            Skip = $"{TestStore.PostgresVariable} is not set: ./test.sh starts a PostgreSQL server and sets it";
    }
}
