using AuditDashboard.Core.Storage;
using AuditDashboard.Web.Hosting;

namespace AuditDashboard.Web.Storage;

public static class StorageRegistration
{
    /// <summary>Options from <c>Database</c>, validated on start; one DbContext per operation (Blazor Server safe).</summary>
    public static WebApplicationBuilder AddAuditStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section, o => o.Validate(builder.Environment.IsDevelopment()));
        var contentRoot = builder.Environment.ContentRootPath;
        // Bound without validation here: hosted services get the factory before start-up validation runs, and
        // that validation must be the one to report every configuration problem at once.
        var section = builder.Configuration.GetSection(DatabaseOptions.Section);
        builder.Services.AddDbContextFactory<AuditDbContext>((_, options) =>
            AuditStore.Configure(options, section.Get<DatabaseOptions>() ?? new DatabaseOptions(), contentRoot));
        builder.Services.AddHostedService<StoreInitializer>();
        return builder;
    }
}
