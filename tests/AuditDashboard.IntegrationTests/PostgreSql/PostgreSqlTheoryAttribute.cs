using AuditDashboard.IntegrationTests.Infrastructure;

namespace AuditDashboard.IntegrationTests.PostgreSql;

/// <summary>As <see cref="PostgreSqlFactAttribute"/>, for a theory.</summary>
public sealed class PostgreSqlTheoryAttribute : TheoryAttribute
{
    public PostgreSqlTheoryAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestStore.PostgresVariable)))
            Skip = $"{TestStore.PostgresVariable} is not set: ./test.sh starts a PostgreSQL server and sets it";
    }
}
