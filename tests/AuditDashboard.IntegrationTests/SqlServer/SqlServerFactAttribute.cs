namespace AuditDashboard.IntegrationTests.SqlServer;

/// <summary>
/// Runs only when AUDITDASH_TEST_SQLSERVER holds a SQL Server connection string (no SQL Server runs on the
/// project's machines); otherwise the test is reported as skipped, with the reason.
/// </summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public const string Variable = "AUDITDASH_TEST_SQLSERVER";

    public SqlServerFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"set {Variable} to a SQL Server connection string to run the SQL Server integration tests";
    }
}
