using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore.Design;

namespace AuditDashboard.Migrations.Sqlite;

/// <summary>Fixes the provider for <c>dotnet ef</c>; the file it names is never opened when generating migrations.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AuditDbContext>
{
    public AuditDbContext CreateDbContext(string[] args) =>
        new(AuditStore.CreateOptions(new DatabaseOptions { Provider = DatabaseOptions.SqliteProvider, SqlitePath = "design-time.db" }, Path.GetTempPath()));
}
