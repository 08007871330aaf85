using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore.Design;

namespace AuditDashboard.Migrations.PostgreSql;

/// <summary>Fixes the provider for <c>dotnet ef</c>; no server is contacted when generating migrations or scripts.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AuditDbContext>
{
    public AuditDbContext CreateDbContext(string[] args) =>
        new(AuditStore.CreateOptions(new DatabaseOptions
        {
            Provider = DatabaseOptions.PostgreSqlProvider,
            ConnectionString = "Host=127.0.0.1;Database=auditdashboard;Username=auditdash",
        }, Path.GetTempPath()));
}
