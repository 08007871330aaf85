using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore.Design;

namespace AuditDashboard.Migrations.SqlServer;

/// <summary>Fixes the provider for <c>dotnet ef</c>; no server is contacted when generating migrations or scripts.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AuditDbContext>
{
    public AuditDbContext CreateDbContext(string[] args) =>
        new(AuditStore.CreateOptions(new DatabaseOptions
        {
            Provider = DatabaseOptions.SqlServerProvider,
            ConnectionString = "Server=127.0.0.1;Database=AuditDashboard;Integrated Security=false;TrustServerCertificate=true",
        }, Path.GetTempPath()));
}
