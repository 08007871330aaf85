using AuditDashboard.Core.Integrity;
using AuditDashboard.Web.Hosting;

namespace AuditDashboard.Web.Integrity;

public static class IntegrityRegistration
{
    public static WebApplicationBuilder AddIntegrityMonitor(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<IntegrityOptions>(IntegrityOptions.Section, o => o.Validate());
        builder.Services.AddSingleton<IntegrityStatus>();
        builder.Services.AddHostedService<IntegrityMonitor>();
        return builder;
    }
}
