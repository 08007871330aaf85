using AuditDashboard.Core.Storage;
using AuditDashboard.Web.Hosting;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Web.Storage;

public static class StorageRegistration
{
    /// <summary>Options from <c>Database</c>, validated on start; one DbContext per operation (Blazor Server safe).</summary>
    public static WebApplicationBuilder AddAuditStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section, o => o.Validate());
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddDbContextFactory<AuditDbContext>((sp, options) =>
            AuditStore.Configure(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, contentRoot));
        builder.Services.AddHostedService<StoreInitializer>();
        return builder;
    }
}
