using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Storage;

/// <summary>A context factory over fixed options, for the CLI and benchmarks that run without a DI container.</summary>
public sealed class SimpleDbContextFactory(DbContextOptions<AuditDbContext> options) : IDbContextFactory<AuditDbContext>
{
    public AuditDbContext CreateDbContext() => new(options);
}
